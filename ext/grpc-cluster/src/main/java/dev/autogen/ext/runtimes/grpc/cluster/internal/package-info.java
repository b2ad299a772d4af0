/**
 * Internal: the cluster's routing, its sharded agent type entities, the replicated directory and the
 * messages between nodes. Not API; may change in any release.
 */
@NullMarked
package dev.autogen.ext.runtimes.grpc.cluster.internal;

import org.jspecify.annotations.NullMarked;
