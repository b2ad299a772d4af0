package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code autogen run} traces to an OTLP endpoint named by the standard variables, and is off without them. */
class TracingTest {
    private static final String FIRST_TEAM = BuiltinTeam.ALL.get(0).name();

    @Test
    void withoutOtelVariablesTracingIsOffAndTheSdkIsNotBuilt() {
        assertThat(Telemetry.fromEnvironment(Map.of())).isSameAs(Telemetry.OFF);
        assertThat(Telemetry.fromEnvironment(Map.of("OTEL_SERVICE_NAME", "x", "OTEL_SDK_DISABLED", "true")))
                .isSameAs(Telemetry.OFF);
        assertThat(Telemetry.fromEnvironment(Map.of("OTEL_TRACES_EXPORTER", "none"))).isSameAs(Telemetry.OFF);
    }

    @Test
    void anInvalidConfigurationIsACliErrorNamingTheProblem() {
        assertThatThrownBy(() -> Telemetry.fromEnvironment(Map.of("OTEL_SERVICE_NAME", "x",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("OTEL_* variables do not make a valid OpenTelemetry configuration")
                .hasMessageContaining("GrpcSenderProvider");
    }

    @Test
    void aRunExportsItsTraceToTheOtlpEndpointOfTheEnvironment() throws IOException {
        List<ResourceSpans> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                received.addAll(ExportTraceServiceRequest.parseFrom(body).getResourceSpansList());
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
        try {
            Cli cli = CliProcess.run(Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                    "OTEL_SERVICE_NAME", "autogen-cli-test"), "run", FIRST_TEAM, "--output", "json");

            assertThat(cli.exitCode()).as(cli.err()).isZero();
        } finally {
            collector.stop(0);
        }

        assertThat(received).isNotEmpty();
        assertThat(received.getFirst().getResource().getAttributesList()).extracting(KeyValue::getKey).contains("service.name");
        assertThat(received.getFirst().getResource().getAttributesList())
                .anySatisfy(kv -> assertThat(kv.getValue().getStringValue()).isEqualTo("autogen-cli-test"));
        List<String> names = received.stream().flatMap(r -> r.getScopeSpansList().stream())
                .flatMap(s -> s.getSpansList().stream()).map(io.opentelemetry.proto.trace.v1.Span::getName).toList();
        assertThat(names).anyMatch(n -> n.startsWith("invoke_workflow "))
                .anyMatch(n -> n.startsWith("invoke_agent "))
                .anyMatch(n -> n.startsWith("chat"));
    }
}
