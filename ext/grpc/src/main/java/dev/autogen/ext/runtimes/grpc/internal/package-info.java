/**
 * Internal: the host's routing, the worker's connection and the conversions between the protocol's
 * messages and the core's types. Not API; may change in any release. The generated protocol classes
 * are in {@code dev.autogen.ext.runtimes.grpc.internal.proto}.
 */
@NullMarked
package dev.autogen.ext.runtimes.grpc.internal;

import org.jspecify.annotations.NullMarked;
