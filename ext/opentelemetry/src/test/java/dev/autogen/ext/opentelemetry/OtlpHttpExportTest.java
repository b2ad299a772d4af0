package dev.autogen.ext.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A team run's spans reach an OTLP/HTTP collector (a minimal one on loopback, decoding the protobuf body). */
class OtlpHttpExportTest {
    private final List<ResourceSpans> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                if (!"POST".equals(exchange.getRequestMethod())
                        || !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    exchange.sendResponseHeaders(415, -1);
                    return;
                }
                received.addAll(ExportTraceServiceRequest.parseFrom(body).getResourceSpansList());
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aTeamRunIsExportedOverOtlpHttpAndReadBack() {
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), "otlp-test"))))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build())
                        .build())
                .build();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build()) {
            var tracing = OpenTelemetryTracing.builder(sdk).build();
            var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(tracing));
            runtime.start();
            var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("Roses are red.")).build();
            var critic = AssistantAgent.builder("critic", ReplayChatCompletionClient.of("APPROVE")).build();
            RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(2).runtime(runtime).build().run("A poem.");
            runtime.stopWhenIdle();
            runtime.close();

            CompletableResultCode flushed = tracerProvider.forceFlush().join(30, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("the collector accepted the export").isTrue();
        }

        assertThat(received).isNotEmpty().allSatisfy(resource -> assertThat(attributes(resource.getResource().getAttributesList()))
                .containsEntry("service.name", "otlp-test"));
        List<Span> spans = received.stream().flatMap(r -> r.getScopeSpansList().stream())
                .peek(scope -> assertThat(scope.getScope().getName()).isEqualTo("dev.autogen"))
                .flatMap(scope -> scope.getSpansList().stream()).toList();
        Map<String, Span> byName = spans.stream().collect(Collectors.toMap(Span::getName, s -> s, (a, b) -> a));
        assertThat(byName).containsKeys("invoke_workflow RoundRobinGroupChatManager", "invoke_agent writer",
                "invoke_agent critic", "chat unknown");
        Span workflow = byName.get("invoke_workflow RoundRobinGroupChatManager");
        assertThat(spans).extracting(Span::getTraceId).containsOnly(workflow.getTraceId());
        assertThat(workflow.getParentSpanId().isEmpty()).isTrue();
        assertThat(attributes(byName.get("invoke_agent writer").getAttributesList()))
                .containsEntry("gen_ai.operation.name", "invoke_agent")
                .containsEntry("gen_ai.agent.name", "writer");
        assertThat(attributes(byName.get("chat unknown").getAttributesList()))
                .containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "replay")
                .containsEntry("gen_ai.request.model", "unknown")
                .containsKey("gen_ai.usage.output_tokens");
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        return list.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().hasStringValue()
                ? kv.getValue().getStringValue() : kv.getValue().toString().strip(), (a, b) -> a));
    }
}
