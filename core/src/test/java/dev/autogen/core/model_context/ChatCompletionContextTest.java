package dev.autogen.core.model_context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatCompletionContextTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private static UserMessage user(int i) {
        return new UserMessage("message " + i, "user");
    }

    private static List<LLMMessage> users(int count) {
        return IntStream.rangeClosed(1, count).<LLMMessage>mapToObj(ChatCompletionContextTest::user).toList();
    }

    private static AssistantMessage call(String id) {
        return new AssistantMessage(List.of(new FunctionCall(id, "{}", "tool")), "assistant");
    }

    private static FunctionExecutionResultMessage result(String id) {
        return new FunctionExecutionResultMessage(List.of(new FunctionExecutionResult("done", "tool", id, false)));
    }

    private static void addAll(ChatCompletionContext context, List<? extends LLMMessage> messages) {
        messages.forEach(context::addMessage);
    }

    @Test
    void unboundedKeepsEverythingAndClearRemovesInitialMessagesToo() {
        var context = new UnboundedChatCompletionContext(List.of(new SystemMessage("You are helpful.")));
        addAll(context, users(3));

        assertThat(context.getMessages()).hasSize(4).first().isEqualTo(new SystemMessage("You are helpful."));
        assertThatThrownBy(() -> context.getMessages().add(user(9))).isInstanceOf(UnsupportedOperationException.class);

        context.clear();

        assertThat(context.getMessages()).isEmpty();
    }

    @Test
    void bufferedKeepsTheLastMessages() {
        var context = new BufferedChatCompletionContext(3);
        addAll(context, users(5));

        assertThat(context.getMessages()).containsExactly(user(3), user(4), user(5));
    }

    @Test
    void bufferedDropsALeadingFunctionResult() {
        var context = new BufferedChatCompletionContext(3);
        addAll(context, List.of(user(1), call("c1"), result("c1"), user(2), user(3)));

        assertThat(context.getMessages()).containsExactly(user(2), user(3));
    }

    @Test
    void bufferSizeMustBePositive() {
        assertThatThrownBy(() -> new BufferedChatCompletionContext(0)).hasMessageContaining("buffer_size");
    }

    @Test
    void headAndTailKeepsBothEndsWithAPlaceholder() {
        var context = new HeadAndTailChatCompletionContext(2, 2);
        addAll(context, users(7));

        assertThat(context.getMessages()).containsExactly(
                user(1), user(2), new UserMessage("Skipped 3 messages.", "System"), user(6), user(7));
    }

    @Test
    void headAndTailReturnsEverythingWhenItFits() {
        var context = new HeadAndTailChatCompletionContext(2, 2);
        addAll(context, users(4));

        assertThat(context.getMessages()).isEqualTo(users(4));
    }

    @Test
    void headAndTailDoesNotSplitAFunctionCallFromItsResult() {
        var context = new HeadAndTailChatCompletionContext(2, 2);
        addAll(context, List.of(user(1), call("c1"), result("c1"), user(2), call("c2"), result("c2"), user(3)));

        assertThat(context.getMessages()).containsExactly(
                user(1), new UserMessage("Skipped 3 messages.", "System"), user(3));
    }

    @Test
    void tokenLimitedRemovesMiddleMessagesUntilTheViewFits() {
        var context = TokenLimitedChatCompletionContext.builder(new WordCountingClient(1000)).tokenLimit(6).build();
        addAll(context, users(5));   // 2 words each

        assertThat(context.getMessages()).containsExactly(user(1), user(2), user(5));
    }

    @Test
    void tokenLimitedWithoutLimitUsesTheClientsRemainingTokens() {
        var context = TokenLimitedChatCompletionContext.builder(new WordCountingClient(4)).build();
        addAll(context, users(5));

        assertThat(context.getMessages()).containsExactly(user(1), user(5));
    }

    @Test
    void tokenLimitedDropsResultsWhoseCallWasRemoved() {
        var context = TokenLimitedChatCompletionContext.builder(new WordCountingClient(1000)).tokenLimit(7).build();
        // 2 + 2 + 1 + 1 + 2 = 8 tokens: removing the middle message (the call) fits, orphaning its result
        addAll(context, List.of(user(1), user(2), call("c1"), result("c1"), user(3)));

        assertThat(context.getMessages()).containsExactly(user(1), user(2), user(3));
    }

    @Test
    void tokenLimitedKeepsResultsWhoseCallIsInTheView() {
        var context = TokenLimitedChatCompletionContext.builder(new WordCountingClient(1000)).tokenLimit(6).build();
        addAll(context, List.of(user(1), user(2), user(3), call("c1"), result("c1")));

        assertThat(context.getMessages()).containsExactly(user(1), user(2), call("c1"), result("c1"));
    }

    @Test
    void tokenLimitMustBePositive() {
        assertThatThrownBy(() -> TokenLimitedChatCompletionContext.builder(new WordCountingClient(10)).tokenLimit(0))
                .hasMessageContaining("token_limit");
    }

    @Test
    void saveStateWritesPythonsShapeAndLoadStateRestoresIt() throws Exception {
        var context = new BufferedChatCompletionContext(2);
        addAll(context, List.of(new SystemMessage("sys"), user(1), call("c1"), result("c1")));

        Map<String, Object> state = context.saveState();
        String json = JSON.writeValueAsString(state);
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                {"messages": [
                  {"content": "sys", "type": "SystemMessage"},
                  {"content": "message 1", "source": "user", "type": "UserMessage"},
                  {"content": [{"id": "c1", "arguments": "{}", "name": "tool"}], "thought": null,
                   "source": "assistant", "type": "AssistantMessage"},
                  {"content": [{"content": "done", "name": "tool", "call_id": "c1", "is_error": false}],
                   "type": "FunctionExecutionResultMessage"}]}
                """));

        var restored = new BufferedChatCompletionContext(2);
        restored.loadState(JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));

        assertThat(restored.saveState()).isEqualTo(state);
        assertThat(restored.getMessages()).containsExactly(call("c1"), result("c1"));
    }

    @Test
    void loadsTheLlmContextPythonSaved() throws Exception {
        JsonNode llmContext;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/autogen-python/01_round_robin_max5.normalized.json")) {
            llmContext = JSON.readTree(in).at("/save_state/agent_states/alice/agent_state/llm_context");
        }
        var context = new UnboundedChatCompletionContext();

        context.loadState(JSON.convertValue(llmContext, new TypeReference<Map<String, Object>>() {}));

        assertThat(context.getMessages()).hasSize(llmContext.get("messages").size())
                .first().isEqualTo(new UserMessage("Say hello to each other.", "user"));
        assertThat(JSON.<JsonNode>valueToTree(context.saveState())).isEqualTo(llmContext);
    }

    @Test
    void badStateNamesTheProblem() {
        var context = new UnboundedChatCompletionContext();

        assertThatThrownBy(() -> context.loadState(Map.of("messages", List.of(Map.of("type", "Nope", "content", "x")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid chat completion context state")
                .hasMessageContaining("Nope");
    }

    @Test
    void configsUsePythonsFieldNames() throws Exception {
        var buffered = new BufferedChatCompletionContext(5, List.of(new SystemMessage("hi")));
        assertThat(JSON.<JsonNode>valueToTree(buffered.toConfig())).isEqualTo(JSON.readTree(
                "{\"buffer_size\": 5, \"initial_messages\": [{\"content\": \"hi\", \"type\": \"SystemMessage\"}]}"));
        var loaded = BufferedChatCompletionContext.fromConfig(
                JSON.readValue("{\"buffer_size\": 3}", BufferedChatCompletionContextConfig.class));
        assertThat(loaded.bufferSize()).isEqualTo(3);
        assertThat(loaded.initialMessages()).isEmpty();

        assertThat(JSON.<JsonNode>valueToTree(new UnboundedChatCompletionContext().toConfig()))
                .isEqualTo(JSON.readTree("{\"initial_messages\": null}"));
        assertThat(UnboundedChatCompletionContext.fromConfig(
                JSON.readValue("{}", UnboundedChatCompletionContextConfig.class)).getMessages()).isEmpty();

        var headAndTail = HeadAndTailChatCompletionContext.fromConfig(JSON.readValue(
                "{\"head_size\": 1, \"tail_size\": 2}", HeadAndTailChatCompletionContextConfig.class));
        headAndTail.addMessage(user(1));
        assertThat(JSON.<JsonNode>valueToTree(headAndTail.toConfig())).isEqualTo(JSON.readTree(
                "{\"head_size\": 1, \"tail_size\": 2, \"initial_messages\": "
                        + "[{\"content\": \"message 1\", \"source\": \"user\", \"type\": \"UserMessage\"}]}"));

        ObjectNode client = (ObjectNode) JSON.readTree(
                "{\"provider\": \"autogen_ext.models.replay.ReplayChatCompletionClient\", \"config\": {}}");
        var tokenLimited = TokenLimitedChatCompletionContext.fromConfig(JSON.readValue(
                "{\"model_client\": " + client + ", \"token_limit\": 100}", TokenLimitedChatCompletionContextConfig.class),
                new WordCountingClient(10));
        assertThat(tokenLimited.tokenLimit()).contains(100);
        assertThat(JSON.<JsonNode>valueToTree(tokenLimited.toConfig(client))).isEqualTo(JSON.readTree(
                "{\"model_client\": " + client + ", \"token_limit\": 100, \"tool_schema\": [], \"initial_messages\": null}"));
    }

    @Test
    void missingRequiredConfigFieldIsNamed() {
        assertThatThrownBy(() -> JSON.readValue("{\"head_size\": 1}", HeadAndTailChatCompletionContextConfig.class))
                .hasMessageContaining("tail_size");
    }

    @Test
    void galleryContextConfigLoads() throws Exception {
        var config = JSON.readValue("{}", UnboundedChatCompletionContextConfig.class);
        assertThat(config.initialMessages()).isNull();
        assertThat(UnboundedChatCompletionContext.DESCRIPTION)
                .isEqualTo("An unbounded chat completion context that keeps a view of the all the messages.");
    }
}
