package dev.autogen.ext.models.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ReplayChatCompletionClientTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final List<LLMMessage> MESSAGES =
            List.of(new SystemMessage("Be brief."), new UserMessage("What can you do?", "user"));

    @Test
    void aGrowingConversationIsCountedRightWhetherItGrowsAShrinksOrIsTheSameListChanged() {
        var client = new ReplayChatCompletionClient(java.util.Collections.nCopies(10, "ok"));
        List<LLMMessage> history = new ArrayList<>(MESSAGES);
        assertThat(client.create(history).usage().promptTokens()).isEqualTo(6);
        history.add(new UserMessage("two\u00a0words", "user"));
        assertThat(client.create(history).usage().promptTokens()).isEqualTo(8);
        assertThat(client.create(List.copyOf(history)).usage().promptTokens()).isEqualTo(8);
        assertThat(client.create(List.of(new UserMessage("  one  ", "user"))).usage().promptTokens()).isEqualTo(1);
        history.set(0, new SystemMessage("Be very brief."));
        assertThat(client.create(history).usage().promptTokens()).isEqualTo(9);
    }

    @Test
    void onlyTheLatestThousandCallsAreKept() {
        var client = new ReplayChatCompletionClient(java.util.Collections.nCopies(1_005, "ok"));
        for (int i = 0; i < 1_005; i++) {
            client.create(List.of(new UserMessage("call " + i, "user")));
        }
        assertThat(client.createCalls()).hasSize(ReplayChatCompletionClient.RECORDED_CALLS);
        assertThat(client.createCalls().getFirst().messages().getFirst()).isEqualTo(new UserMessage("call 5", "user"));
    }

    @Test
    void replaysTextResponsesInOrderAndCountsWhitespaceTokens() {
        var client = ReplayChatCompletionClient.of("Hello, how can I assist you today?", "Happy to help.");
        CreateResult first = client.create(MESSAGES);
        assertThat(first.content()).isEqualTo(ModelContent.text("Hello, how can I assist you today?"));
        assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.cached()).isTrue();
        assertThat(first.usage()).isEqualTo(new RequestUsage(6, 7));
        assertThat(client.actualUsage()).isEqualTo(new RequestUsage(6, 7));
        CreateResult second = client.create(MESSAGES);
        assertThat(second.content()).isEqualTo(ModelContent.text("Happy to help."));
        assertThat(client.totalUsage()).isEqualTo(new RequestUsage(12, 10));
        assertThat(client.countTokens(MESSAGES)).isEqualTo(6);
        assertThat(client.remainingTokens(MESSAGES)).isEqualTo(10_000 - 22);
        assertThat(client.createCalls()).hasSize(2);
    }

    @Test
    void exhaustedScriptFailsAndResetReplaysFromTheStart() {
        var client = ReplayChatCompletionClient.of("only one");
        client.create(MESSAGES);
        assertThatThrownBy(() -> client.create(MESSAGES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No more mock responses available");
        client.reset();
        assertThat(client.totalUsage()).isEqualTo(RequestUsage.ZERO);
        assertThat(client.create(MESSAGES).content()).isEqualTo(ModelContent.text("only one"));
    }

    @Test
    void replaysFunctionCallResultsKeepingTheirCompletionTokens() {
        var calls = CreateResult.ofCalls(List.of(new FunctionCall("1", "{\"city\": \"Paris\"}", "get_weather")),
                new RequestUsage(0, 4));
        var client = new ReplayChatCompletionClient(List.of(calls, "Sunny. TERMINATE"));
        CreateResult r = client.create(MESSAGES);
        assertThat(r).isSameAs(calls);
        assertThat(client.actualUsage()).isEqualTo(new RequestUsage(6, 4));
        assertThat(client.create(MESSAGES).content()).isEqualTo(ModelContent.text("Sunny. TERMINATE"));
    }

    @Test
    void streamsTextWordByWordThenTheResult() {
        var client = ReplayChatCompletionClient.of("Hello there  world");
        List<CreateStreamItem> items = new ArrayList<>();
        try (var stream = client.createStream(MESSAGES)) {
            stream.forEach(items::add);
        }
        assertThat(items).containsExactly(new ChatCompletionChunk("Hello "), new ChatCompletionChunk("there "),
                new ChatCompletionChunk("world"),
                new CreateResult(FinishReason.STOP, ModelContent.text("Hello there  world"), new RequestUsage(6, 3), true, null, null));
        assertThat(client.totalUsage()).isEqualTo(new RequestUsage(6, 3));
    }

    @Test
    void streamResultDrainsAndClosingEarlyIsSafe() {
        var client = ReplayChatCompletionClient.of("one two three", "four");
        try (var stream = client.createStream(MESSAGES)) {
            assertThat(stream.iterator().next()).isEqualTo(new ChatCompletionChunk("one "));
        }
        try (var stream = client.createStream(MESSAGES)) {
            assertThat(stream.result().content()).isEqualTo(ModelContent.text("four"));
            assertThatThrownBy(stream::iterator).hasMessageContaining("only once");
        }
    }

    @Test
    void cancelledTokenStopsTheCall() {
        var client = ReplayChatCompletionClient.of("x");
        var token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> client.create(CreateRequest.builder(MESSAGES).cancellationToken(token).build()))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void modelInfoOverrideAndDefault() {
        assertThat(ReplayChatCompletionClient.of("x").modelInfo()).isEqualTo(ModelInfo.unknown());
        var info = new ModelInfo(true, true, true, ModelFamily.GPT_4O, true, null);
        var client = new ReplayChatCompletionClient(List.of("x"), info);
        assertThat(client.modelInfo()).isEqualTo(info);
        assertThat(client.capabilities().functionCalling()).isTrue();
    }

    @Test
    void configJsonMatchesPythonsAndRoundTrips() throws Exception {
        var calls = CreateResult.ofCalls(List.of(new FunctionCall("1", "{}", "f")), new RequestUsage(0, 1));
        var client = new ReplayChatCompletionClient(List.of("hi there", calls),
                new ModelInfo(false, true, false, ModelFamily.UNKNOWN, false, null));
        JsonNode json = JSON.valueToTree(client.toConfig());
        assertThat(json).isEqualTo(JSON.readTree("""
                {"chat_completions": ["hi there",
                    {"finish_reason": "function_calls", "content": [{"id": "1", "arguments": "{}", "name": "f"}],
                     "usage": {"prompt_tokens": 0, "completion_tokens": 1}, "cached": false, "logprobs": null, "thought": null}],
                 "model_info": {"vision": false, "function_calling": true, "json_output": false, "family": "unknown",
                                "structured_output": false}}"""));
        var restored = ReplayChatCompletionClient.fromConfig(JSON.treeToValue(json, ReplayChatCompletionClientConfig.class));
        assertThat(restored.toConfig()).isEqualTo(client.toConfig());
        var noInfo = JSON.readValue("{\"chat_completions\": [\"a\"], \"model_info\": null}", ReplayChatCompletionClientConfig.class);
        assertThat(ReplayChatCompletionClient.fromConfig(noInfo).modelInfo()).isEqualTo(ModelInfo.unknown());
        assertThatThrownBy(() -> JSON.readValue("{\"chat_completions\": [42]}", ReplayChatCompletionClientConfig.class))
                .hasMessageContaining("chat_completions[0] must be a string or a CreateResult object");
    }

    @Test
    void rejectsResponsesOfOtherTypes() {
        assertThatThrownBy(() -> new ReplayChatCompletionClient(List.of("ok", 42)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat_completions[1] is a java.lang.Integer");
    }

    @Test
    void loadsFromPythonsComponentJsonAndDumpsItBack() throws Exception {
        String python = """
                {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                 "component_type": "replay_chat_completion_client", "version": 1, "component_version": 1,
                 "description": "A mock chat completion client that replays predefined responses using an index-based approach.",
                 "label": "ReplayChatCompletionClient",
                 "config": {"chat_completions": ["Hello", {"finish_reason": "stop", "content": "Bye",
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1}, "cached": false}],
                            "model_info": {"vision": false, "function_calling": true, "json_output": false,
                                           "family": "unknown", "structured_output": false}}}""";
        ChatCompletionClient client = ComponentLoader.loadComponent(python, ChatCompletionClient.class);
        assertThat(client).isInstanceOf(ReplayChatCompletionClient.class);
        assertThat(client.modelInfo().functionCalling()).isTrue();
        assertThat(client.create(MESSAGES).content()).isEqualTo(ModelContent.text("Hello"));
        assertThat(client.create(MESSAGES).content()).isEqualTo(ModelContent.text("Bye"));

        JsonNode dumped = client.dumpComponent().toJsonNode();
        JsonNode expected = JSON.readTree(python);
        // Python drops None fields on dump (exclude_none), so the CreateResult's null logprobs/thought are not written.
        assertThat(dumped).isEqualTo(expected);
    }
}
