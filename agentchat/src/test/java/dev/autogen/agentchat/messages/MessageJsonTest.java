package dev.autogen.agentchat.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
    private final MessageFactory factory = new MessageFactory();

    @Test
    void pythonTaskResultMessagesReadAndWriteBackIdentically() throws Exception {
        JsonNode taskResult = PythonFixtures.read("01_round_robin_max5.normalized.json").get("task_result");
        List<BaseMessage> messages = new ArrayList<>();
        taskResult.get("messages").forEach(node -> messages.add(factory.create(node)));

        assertThat(messages).hasSize(5).allMatch(m -> m instanceof TextMessage);
        var second = (TextMessage) messages.get(1);
        assertThat(second.source()).isEqualTo("alice");
        assertThat(second.modelsUsage()).isEqualTo(new RequestUsage(8, 5));
        assertThat(second.createdAt()).isEqualTo(Instant.parse(PythonFixtures.CREATED_AT));
        assertThat(second.id()).isEqualTo("<uuid:1>");

        var result = new TaskResult(messages, taskResult.get("stop_reason").textValue());
        assertThat(AutogenJson.mapper().<JsonNode>valueToTree(result)).isEqualTo(taskResult);
        assertThat(AutogenJson.mapper().readValue(taskResult.toString(), TaskResult.class)).isEqualTo(result);
    }

    @Test
    void newMessagesGetAnIdAndAMicrosecondTimestamp() {
        var message = new TextMessage("hi", "user");
        assertThat(message.id()).hasSize(36);
        assertThat(message.createdAt().getNano() % 1000).isZero();
        Map<String, Object> dump = message.dump();
        assertThat(dump.keySet()).containsExactly("id", "source", "models_usage", "metadata", "created_at", "content", "type");
        assertThat((String) dump.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
        assertThat(factory.create(dump)).isEqualTo(message);
    }

    @Test
    void everyBuiltInTypeRoundTripsThroughTheFactory() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        List<BaseMessage> all = List.of(
                new TextMessage("a", "u").withModelsUsage(new RequestUsage(1, 2)).withMetadata(Map.of("k", "v")),
                new MultiModalMessage(List.of("look", Image.fromBytes(png)), "u"),
                new StopMessage("stop", "u"),
                new ToolCallSummaryMessage("s", "a", List.of(new FunctionCall("1", "{}", "f")),
                        List.of(new FunctionExecutionResult("r", "f", "1", false))),
                new HandoffMessage("h", "a", "b", List.of(new AssistantMessage("x", "a"))),
                new ToolCallRequestEvent(List.of(new FunctionCall("1", "{}", "f")), "a"),
                new ToolCallExecutionEvent(List.of(new FunctionExecutionResult("r", "f", "1", null)), "a"),
                new MemoryQueryEvent(List.of(new dev.autogen.core.memory.MemoryContent("m",
                        dev.autogen.core.memory.MemoryMimeType.TEXT)), "a"),
                new UserInputRequestedEvent("req-1", "user_proxy"),
                new ModelClientStreamingChunkEvent(null, "a", null, null, null, "chunk", "msg-1"),
                new ThoughtEvent("hmm", "a"),
                new SelectSpeakerEvent(List.of("alice"), "manager"),
                new CodeGenerationEvent(0, "```python\nprint(1)\n```", List.of(new CodeBlock("print(1)\n", "python")), "c", null),
                new CodeExecutionEvent(1, CodeResult.of(0, "1\n"), "c"));
        for (BaseMessage message : all) {
            BaseMessage back = factory.create(message.dump());
            assertThat(back.dump()).as(message.type()).isEqualTo(message.dump());
            assertThat(back.getClass()).isEqualTo(message.getClass());
        }
    }

    @Test
    void eventsRenderAsPythonReprs() {
        var request = new ToolCallRequestEvent(List.of(new FunctionCall("call_1", "{\"city\":\"New York\"}", "get_weather")), "a");
        assertThat(request.toText())
                .isEqualTo("[FunctionCall(id='call_1', arguments='{\"city\":\"New York\"}', name='get_weather')]");
        var execution = new ToolCallExecutionEvent(List.of(new FunctionExecutionResult("It's sunny.", "get_weather", "call_1", false)), "a");
        assertThat(execution.toText()).isEqualTo(
                "[FunctionExecutionResult(content=\"It's sunny.\", name='get_weather', call_id='call_1', is_error=False)]");
        assertThat(new SelectSpeakerEvent(List.of("alice", "bob"), "m").toText()).isEqualTo("['alice', 'bob']");
    }

    @Test
    void multiModalTextForPeopleAndModels() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var message = new MultiModalMessage(List.of("Describe", Image.fromBytes(png), "please"), "user");
        assertThat(message.toText()).isEqualTo("Describe\n<image>\nplease");
        assertThat(message.toModelText()).isEqualTo("Describe [image]please");
        assertThat(message.toModelMessage().content()).isInstanceOf(UserContent.Multi.class);
    }

    record Score(String player, int points) {
    }

    @Test
    void structuredMessagesNeedTheirContentTypeRegistered() {
        var message = new StructuredMessage<>(new Score("ann", 3), "judge", "{player} scored {points}");
        assertThat(message.toText()).isEqualTo("ann scored 3");
        assertThat(message.toModelMessage().content().toText()).isEqualTo("{\"player\":\"ann\",\"points\":3}");
        assertThat(message.dump()).containsEntry("type", "StructuredMessage[Score]")
                .containsEntry("format_string", "{player} scored {points}");

        assertThatThrownBy(() -> factory.create(message.dump()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown message type 'StructuredMessage[Score]'");
        factory.registerStructured(Score.class);
        assertThat(factory.create(message.dump())).isEqualTo(message);
    }

    @Test
    void theSharedBuiltInFactoryReadsBuiltInTypesAndRefusesRegistrations() {
        var shared = MessageFactory.builtIn();
        var text = new TextMessage("hello", "ann");
        assertThat(shared.create(text.dump())).isEqualTo(text);
        assertThatThrownBy(() -> shared.registerStructured(Score.class))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("StructuredMessage[Score]").hasMessageContaining("new MessageFactory");
        assertThat(shared.isRegistered("StructuredMessage[Score]")).isFalse();
    }

    @Test
    void badMessageDataIsRejectedWithTheReason() {
        assertThatThrownBy(() -> factory.create(Map.of("source", "x")))
                .hasMessageContaining("field 'type' is required");
        assertThatThrownBy(() -> factory.create(Map.of("type", "TextMessage", "content", "hi")))
                .hasMessageContaining("invalid TextMessage").hasMessageContaining("source");
        assertThatThrownBy(() -> factory.register(TextMessage.class))
                .hasMessageContaining("'TextMessage' is already registered");
        assertThatThrownBy(() -> factory.createChatMessage(AutogenJson.mapper().valueToTree(new ThoughtEvent("t", "a").dump())))
                .hasMessageContaining("'ThoughtEvent' is an agent event");
    }
}
