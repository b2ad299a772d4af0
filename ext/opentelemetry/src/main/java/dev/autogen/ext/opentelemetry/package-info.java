/**
 * OpenTelemetry traces and metrics for AutoGen runs, following the GenAI semantic conventions:
 * install {@link dev.autogen.ext.opentelemetry.OpenTelemetryTracing} as a runtime's listener factory.
 */
@NullMarked
package dev.autogen.ext.opentelemetry;

import org.jspecify.annotations.NullMarked;
