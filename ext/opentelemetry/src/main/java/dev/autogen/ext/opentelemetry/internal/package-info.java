/**
 * Internal: the per-run listener behind {@link dev.autogen.ext.opentelemetry.OpenTelemetryTracing} and
 * its helpers. Not API; may change in any release.
 */
@NullMarked
package dev.autogen.ext.opentelemetry.internal;

import org.jspecify.annotations.NullMarked;
