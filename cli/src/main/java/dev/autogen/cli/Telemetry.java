package dev.autogen.cli;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tracing of {@code autogen run}, on when the environment sets one of the standard OpenTelemetry
 * variables ({@code OTEL_TRACES_EXPORTER}, {@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, {@code OTEL_SERVICE_NAME}); off otherwise, and then the
 * SDK is not even loaded. {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none} keep it off.
 */
interface Telemetry extends AutoCloseable {
    /** The variables that turn tracing on. */
    Set<String> SWITCHES = Set.of("OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SERVICE_NAME");

    /** No tracing. */
    Telemetry OFF = new Telemetry() {
        @Override
        public <T> T call(Supplier<T> run) {
            return run.get();
        }

        @Override
        public void close() {
        }
    };

    /** Tracing as {@code env} asks. */
    static Telemetry fromEnvironment(Map<String, String> env) {
        boolean asked = SWITCHES.stream().anyMatch(name -> !env.getOrDefault(name, "").isBlank());
        boolean refused = "true".equalsIgnoreCase(env.get("OTEL_SDK_DISABLED"))
                || "none".equalsIgnoreCase(env.getOrDefault("OTEL_TRACES_EXPORTER", "").strip());
        return asked && !refused ? SdkTelemetry.start(env) : OFF;
    }

    /** Runs {@code run} (the whole run, its transcript included) as one traced run. */
    <T> T call(Supplier<T> run);

    /** Exports what is left and shuts the SDK down. */
    @Override
    void close();
}
