package dev.autogen.ext.opentelemetry.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;

/**
 * What every run's {@link RunTracer} shares: the tracer, the metrics, the metadata propagation and
 * whether message content is captured. Thread-safe.
 */
public final class Instruments {
    /** The instrumentation scope name of the spans and metrics. */
    public static final String SCOPE = "dev.autogen";

    final Tracer tracer;
    final GenAiMetrics metrics;
    final MetadataPropagation propagation;
    final boolean captureContent;
    /**
     * The open team runs by team id, shared by every run's listener: a worker of the gRPC runtime gives
     * each message from another process a listener of its own, and the manager may end the run while
     * handling one of those.
     */
    final OpenSpans<String> workflows = new OpenSpans<>();

    /** Instruments of {@code openTelemetry}; {@code captureContent} puts messages and tool arguments on spans. */
    public Instruments(OpenTelemetry openTelemetry, boolean captureContent) {
        String version = Instruments.class.getPackage().getImplementationVersion();
        this.tracer = version == null ? openTelemetry.getTracer(SCOPE) : openTelemetry.getTracer(SCOPE, version);
        this.metrics = new GenAiMetrics(openTelemetry.getMeter(SCOPE));
        // Python's runtime writes W3C trace context into the envelope whatever the global propagators are;
        // doing the same keeps a trace whole inside the runtime even when the application set none.
        this.propagation = new MetadataPropagation(W3CTraceContextPropagator.getInstance());
        this.captureContent = captureContent;
    }
}
