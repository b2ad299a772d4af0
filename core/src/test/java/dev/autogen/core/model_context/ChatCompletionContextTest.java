package dev.autogen.core.model_context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentRegistry;
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
    void contextsDumpAndLoadAsPythonComponents() throws Exception {
        var buffered = new BufferedChatCompletionContext(5, List.of(new SystemMessage("hi")));
        assertThat(JSON.readTree(buffered.dumpComponent().toJson())).isEqualTo(JSON.readTree("""
                {"provider": "autogen_core.model_context.BufferedChatCompletionContext",
                 "component_type": "chat_completion_context", "version": 1, "component_version": 1,
                 "description": "A buffered chat completion context that keeps a view of the last n messages,\\n    where n is the buffer size. The buffer size is set at initialization.",
                 "label": "BufferedChatCompletionContext",
                 "config": {"buffer_size": 5, "initial_messages": [{"content": "hi", "type": "SystemMessage"}]}}
                """));

        ChatCompletionContext loaded = ComponentLoader.loadComponent(
                "{\"provider\": \"autogen_core.model_context.BufferedChatCompletionContext\", \"config\": {\"buffer_size\": 3}}",
                ChatCompletionContext.class);
        assertThat(loaded).isInstanceOfSatisfying(BufferedChatCompletionContext.class, b -> {
            assertThat(b.bufferSize()).isEqualTo(3);
            assertThat(b.initialMessages()).isEmpty();
        });

        var headAndTail = ComponentLoader.loadComponent(
                "{\"provider\": \"HeadAndTailChatCompletionContext\", \"config\": {\"head_size\": 1, \"tail_size\": 2}}",
                HeadAndTailChatCompletionContext.class);
        headAndTail.addMessage(user(1));
        assertThat(headAndTail.dumpComponent().config()).isEqualTo(JSON.readTree(
                "{\"head_size\": 1, \"tail_size\": 2, \"initial_messages\": "
                        + "[{\"content\": \"message 1\", \"source\": \"user\", \"type\": \"UserMessage\"}]}"));
    }

    @Test
    void tokenLimitedLoadsItsModelClientThroughTheRegistry() throws Exception {
        var loader = ComponentLoader.using(ComponentRegistry.builder()
                .addServiceLoaderProviders().add(new WordCountingClient.Provider()).build());
        String json = """
                {"provider": "autogen_core.model_context.TokenLimitedChatCompletionContext",
                 "config": {"model_client": {"provider": "test.WordCountingClient", "config": {"context_window": 50}},
                            "token_limit": 100}}
                """;

        var context = loader.load(json, TokenLimitedChatCompletionContext.class);

        assertThat(context.tokenLimit()).contains(100);
        assertThat(context.modelClient().remainingTokens(List.of(user(1)))).isEqualTo(48);
        assertThat(context.dumpComponent().config()).isEqualTo(JSON.readTree("""
                {"model_client": {"provider": "test.WordCountingClient", "component_type": "model", "version": 1,
                                  "component_version": 1, "label": "WordCountingClient",
                                  "config": {"context_window": 50}},
                 "token_limit": 100, "tool_schema": []}
                """));
    }

    @Test
    void missingRequiredConfigFieldIsNamed() {
        assertThatThrownBy(() -> ComponentLoader.loadComponent(
                "{\"provider\": \"autogen_core.model_context.HeadAndTailChatCompletionContext\", \"config\": {\"head_size\": 1}}",
                ChatCompletionContext.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tail_size");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(
                "{\"provider\": \"autogen_core.model_context.BufferedChatCompletionContext\", \"config\": {\"buffer_size\": 0}}",
                ChatCompletionContext.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("buffer_size must be greater than 0");
    }

    @Test
    void galleryModelContextsLoadAndDumpUnchanged() throws Exception {
        JsonNode gallery;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/autogen-python/default_gallery.json")) {
            gallery = JSON.readTree(in);
        }
        JsonNode component = gallery.at("/components/agents/0/config/model_context");

        ChatCompletionContext context = ComponentLoader.loadComponent(JSON.writeValueAsString(component),
                ChatCompletionContext.class);

        assertThat(context).isInstanceOf(UnboundedChatCompletionContext.class);
        assertThat(context.dumpComponent().toJsonNode()).isEqualTo(component);
    }
}
