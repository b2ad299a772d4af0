package dev.autogen.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.core.AgentId;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.core.serialization.SerializationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Expected strings were produced by Python's {@code json.dumps} on the same fields. */
class LogEventTest {
    private static final AgentId WRITER = new AgentId("writer", "default");
    private static final AgentId CRITIC = new AgentId("critic", "default");

    @Test
    void messageEventRendersAsPythonDoes() {
        var event = new MessageEvent("{\"content\":\"h\u00e9llo \uD83D\uDE00\\n\ttab\"}", WRITER, CRITIC,
                MessageKind.DIRECT, DeliveryStage.SEND);

        assertThat(event.toString()).isEqualTo("{\"payload\": \"{\\\"content\\\":\\\"h\\u00e9llo \\ud83d\\ude00\\\\n\\ttab\\\"}\", "
                + "\"sender\": \"writer/default\", \"receiver\": \"critic/default\", \"kind\": \"MessageKind.DIRECT\", "
                + "\"delivery_stage\": \"DeliveryStage.SEND\", \"type\": \"Message\"}");
    }

    @Test
    void messageDroppedEventWritesNullsAndTopics() {
        var event = new MessageDroppedEvent("x", null, new TopicId("news", "default"), MessageKind.PUBLISH);

        assertThat(event.toString()).isEqualTo("{\"payload\": \"x\", \"sender\": null, \"receiver\": \"news/default\", "
                + "\"kind\": \"MessageKind.PUBLISH\", \"type\": \"MessageDropped\"}");
    }

    @Test
    void exceptionEventsRenderTheExceptionMessage() {
        var handler = new MessageHandlerExceptionEvent("{}", CRITIC, new IllegalStateException("boom"));
        var construction = new AgentConstructionExceptionEvent(WRITER, new NullPointerException());

        assertThat(handler.toString()).isEqualTo("{\"payload\": \"{}\", \"handling_agent\": \"critic/default\", "
                + "\"exception\": \"boom\", \"type\": \"MessageHandlerException\"}");
        assertThat(construction.toString()).isEqualTo("{\"agent_id\": \"writer/default\", "
                + "\"exception\": \"NullPointerException\", \"type\": \"AgentConstructionException\"}");
    }

    @Test
    void aReceiverMustBeAnAgentOrATopic() {
        assertThatThrownBy(() -> new MessageEvent("x", null, "critic", MessageKind.DIRECT, DeliveryStage.DELIVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receiver must be an AgentId or a TopicId, not java.lang.String");
    }

    record Ping(int seq) {
    }

    @Test
    void payloadIsTheMessagesJsonOrPythonsPlaceholder() {
        var registry = new SerializationRegistry();
        registry.add(JsonMessageSerializer.of(Ping.class));

        assertThat(MessageEvent.payloadOf(new Ping(3), registry)).isEqualTo("{\"seq\":3}");
        assertThat(MessageEvent.payloadOf(new Object(), registry)).isEqualTo("Message could not be serialized");
    }

    @Test
    void loggerNamesAreThoseOfPython() {
        assertThat(List.of(LoggerNames.ROOT_LOGGER_NAME, LoggerNames.EVENT_LOGGER_NAME, LoggerNames.TRACE_LOGGER_NAME))
                .containsExactly("autogen_core", "autogen_core.events", "autogen_core.trace");
    }

    @Test
    void pythonReadsTheEventAndWritesItBackIdentically() throws Exception {
        var event = new MessageEvent("\"quoted\" \u00fcnicode \u2603 \\ back\u0001slash", null, CRITIC,
                MessageKind.RESPOND, DeliveryStage.DELIVER);
        String json = event.toString();

        String python = runPython("import json,sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read())))", json);

        assertThat(python).isEqualTo(json);
    }

    private static String runPython(String program, String input) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed");
            throw e;
        }
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
