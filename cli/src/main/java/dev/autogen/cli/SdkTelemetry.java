package dev.autogen.cli;

import dev.autogen.ext.opentelemetry.OpenTelemetryTracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tracing through the SDK as its autoconfiguration reads the {@code OTEL_*} variables. Kept apart from
 * {@link Telemetry} so that a run without tracing never loads an SDK class.
 */
final class SdkTelemetry implements Telemetry {
    /** The variable that puts prompts, answers and tool arguments on spans, as the GenAI instrumentations name it. */
    static final String CAPTURE_CONTENT = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

    private final OpenTelemetrySdk sdk;
    private final OpenTelemetryTracing tracing;

    private SdkTelemetry(OpenTelemetrySdk sdk, boolean captureContent) {
        this.sdk = sdk;
        this.tracing = OpenTelemetryTracing.builder(sdk).captureMessageContent(captureContent).build();
    }

    /**
     * Builds the SDK from {@code env} (and the process's own environment and system properties, which
     * win). Defaults differ from the SDK's: the service is {@code autogen}; OTLP goes over HTTP
     * ({@code http/protobuf}, port 4318), since the command ships the JDK's HTTP client as its only
     * sender; and metrics and logs are exported only when their own exporter variable asks, so that
     * tracing to Jaeger does not also push metrics at a port nobody listens on.
     *
     * @throws CliException when the variables do not make a valid configuration
     */
    static SdkTelemetry start(Map<String, String> env) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "otel.service.name", "autogen",
                "otel.exporter.otlp.protocol", "http/protobuf",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none"));
        env.forEach((name, value) -> {
            if (name.startsWith("OTEL_")) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> properties)
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw CliException.config("autogen: the OTEL_* variables do not make a valid OpenTelemetry configuration: "
                    + reason + " (see docs/observability.md).");
        }
        return new SdkTelemetry(sdk, "true".equalsIgnoreCase(env.get(CAPTURE_CONTENT)));
    }

    /** The tracing the runs go through. */
    OpenTelemetryTracing tracing() {
        return tracing;
    }

    @Override
    public <T> T call(Supplier<T> run) {
        try {
            return tracing.call(run::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // a Supplier throws no checked exception
        }
    }

    @Override
    public void close() {
        sdk.shutdown().join(10, TimeUnit.SECONDS);
    }
}
