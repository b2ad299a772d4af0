package dev.autogen.ext.models.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.cache.CacheStore;
import dev.autogen.core.cache.InMemoryStore;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ChatCompletionCacheTest {
    private static final List<LLMMessage> HELLO = List.of(new UserMessage("Hello, how are you?", "user"));

    private static ReplayChatCompletionClient replay(Object... responses) {
        var client = new ReplayChatCompletionClient(List.of(responses));
        client.setCachedBoolValue(false);
        return client;
    }

    private static List<CreateStreamItem> drain(ChatCompletionStream stream) {
        List<CreateStreamItem> items = new ArrayList<>();
        try (stream) {
            stream.forEach(items::add);
        }
        return items;
    }

    @Test
    void aRepeatedCreateIsServedFromTheCacheWithoutCallingTheModel() {
        var model = replay("I am fine, thanks.", "A different answer.");
        var cache = new ChatCompletionCache(model);

        CreateResult first = cache.create(HELLO);
        RequestUsage usageAfterFirst = cache.totalUsage();
        CreateResult second = cache.create(List.of(new UserMessage("Hello, how are you?", "user")));

        assertThat(model.createCalls()).hasSize(1);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.content()).isEqualTo(new ModelContent.Text("I am fine, thanks."));
        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(cache.totalUsage()).as("cache hits add no usage").isEqualTo(usageAfterFirst);
    }

    @Test
    void aRepeatedStreamReplaysTheCachedChunksThenTheResult() {
        var model = replay("Algeria Angola Benin", "never used");
        var cache = new ChatCompletionCache(model);

        List<CreateStreamItem> first = drain(cache.createStream(HELLO));
        List<CreateStreamItem> second = drain(cache.createStream(HELLO));

        assertThat(model.createCalls()).hasSize(1);
        assertThat(first).containsExactly(new ChatCompletionChunk("Algeria "), new ChatCompletionChunk("Angola "),
                new ChatCompletionChunk("Benin"), ((CreateResult) first.get(3)));
        assertThat(((CreateResult) first.getLast()).cached()).isFalse();
        assertThat(second.subList(0, 3)).isEqualTo(first.subList(0, 3));
        CreateResult replayed = (CreateResult) second.getLast();
        assertThat(replayed.cached()).isTrue();
        assertThat(replayed.content()).isEqualTo(new ModelContent.Text("Algeria Angola Benin"));
    }

    @Test
    void aCachedCreateAnswersAStreamAndACachedStreamAnswersACreate() {
        var model = replay("Paris is the capital.", "Berlin is the capital.");
        var cache = new ChatCompletionCache(model);
        List<LLMMessage> france = List.of(new UserMessage("Capital of France?", "user"));
        List<LLMMessage> germany = List.of(new UserMessage("Capital of Germany?", "user"));

        cache.create(france);
        List<CreateStreamItem> streamed = drain(cache.createStream(france));
        drain(cache.createStream(germany));
        CreateResult created = cache.create(germany);

        assertThat(model.createCalls()).hasSize(2);
        assertThat(streamed).hasSize(2);
        assertThat(streamed.getFirst()).isEqualTo(new ChatCompletionChunk("Paris is the capital."));
        assertThat(((CreateResult) streamed.getLast()).cached()).isTrue();
        assertThat(created.cached()).isTrue();
        assertThat(created.content()).isEqualTo(new ModelContent.Text("Berlin is the capital."));
    }

    @Test
    void requestsThatDifferInAnyKeyedPartMissTheCache() {
        var model = replay("1", "2", "3", "4", "5", "6", "7", "8");
        var cache = new ChatCompletionCache(model);
        ToolSchema tool = weatherTool();

        cache.create(HELLO);
        cache.create(List.of(new UserMessage("Hello, how are you?", "someone_else")));
        cache.create(List.of(new SystemMessage("Be brief."), new UserMessage("Hello, how are you?", "user")));
        cache.create(CreateRequest.builder(HELLO).extraCreateArg("temperature", 0.2).build());
        cache.create(CreateRequest.builder(HELLO).toolSchemas(List.of(tool)).build());
        cache.create(CreateRequest.builder(HELLO).jsonOutput(true).build());
        cache.create(CreateRequest.builder(HELLO).toolSchemas(List.of(tool)).toolChoice(ToolChoice.REQUIRED).build());

        assertThat(model.createCalls()).hasSize(7);
        assertThat(cache.create(CreateRequest.builder(HELLO).jsonOutput(true).build()).content())
                .isEqualTo(new ModelContent.Text("6"));
        assertThat(model.createCalls()).hasSize(7);
    }

    @Test
    void theCancellationTokenIsNotPartOfTheKeyButACancelledOneStopsEvenAHit() {
        var model = replay("hello");
        var cache = new ChatCompletionCache(model);
        cache.create(CreateRequest.builder(HELLO).cancellationToken(new CancellationToken()).build());

        assertThat(cache.create(HELLO).cached()).isTrue();
        var cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> cache.create(CreateRequest.builder(HELLO).cancellationToken(cancelled).build()))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> cache.createStream(CreateRequest.builder(HELLO).cancellationToken(cancelled).build()))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aStreamClosedBeforeItsResultIsNotCached() {
        var model = replay("one two three", "one two three");
        var cache = new ChatCompletionCache(model);

        try (ChatCompletionStream stream = cache.createStream(HELLO)) {
            assertThat(stream.iterator().next()).isEqualTo(new ChatCompletionChunk("one "));
        }
        List<CreateStreamItem> again = drain(cache.createStream(HELLO));

        assertThat(model.createCalls()).hasSize(2);
        assertThat(((CreateResult) again.getLast()).cached()).isFalse();
    }

    @Test
    void functionCallResultsAreCachedToo() {
        var calls = List.of(new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather"));
        var model = replay(CreateResult.ofCalls(calls, new RequestUsage(5, 3)));
        var cache = new ChatCompletionCache(model);
        var request = CreateRequest.builder(HELLO).toolSchemas(List.of(weatherTool())).build();

        cache.create(request);
        CreateResult hit = cache.create(request);
        List<CreateStreamItem> streamed = drain(cache.createStream(request));

        assertThat(hit.content()).isEqualTo(new ModelContent.FunctionCalls(calls));
        assertThat(hit.finishReason()).isEqualTo(FinishReason.FUNCTION_CALLS);
        assertThat(streamed).as("no text chunk for function calls").hasSize(1);
        assertThat(((CreateResult) streamed.getFirst()).cached()).isTrue();
    }

    /** Expected keys computed by Python's {@code hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()}. */
    @Test
    void cacheKeysEqualPythonAutogenKeys() {
        assertThat(ChatCompletionCache.cacheKey(CreateRequest.of(HELLO)))
                .isEqualTo("6df8498064563a74729f8191a866df7af35427d9a7207fcc23b41738b5cd13c2");
        assertThat(ChatCompletionCache.cacheKey(CreateRequest.builder(HELLO).jsonOutput(true).build()))
                .isEqualTo("a8fb5c7dd7534e2660c49cb62beeea6bc2818d6db35db4fa940b81accbe6b4d6");

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("temperature", 0.2);
        extra.put("max_tokens", 100);
        extra.put("seed", 1e-05);
        extra.put("big", 1e16);
        var request = CreateRequest.builder(List.of(
                        new SystemMessage("You are a helpful assistant."),
                        new UserMessage("Hello, how are you? \u00c7a va? \u2603 \uD83D\uDE00", "user"),
                        new AssistantMessage(List.of(new FunctionCall("call_1", "{\"city\": \"Paris\"}", "get_weather")),
                                "assistant"),
                        new FunctionExecutionResultMessage(List.of(
                                new FunctionExecutionResult("sunny", "get_weather", "call_1", false)))))
                .toolSchemas(List.of(weatherTool()))
                .extraCreateArgs(extra)
                .build();
        assertThat(ChatCompletionCache.cacheKey(request))
                .isEqualTo("02c21ceace5980c6194f1f4134bbbc9d572a4d3d1d62dbcd308ee59ee630e34b");
    }

    @Test
    void entriesWrittenAsJsonByPythonAreServed() {
        CacheStore<Object> store = new InMemoryStore<>();
        String key = ChatCompletionCache.cacheKey(CreateRequest.of(HELLO));
        store.set(key, "{\"finish_reason\":\"stop\",\"content\":\"From Python\",\"usage\":"
                + "{\"prompt_tokens\":4,\"completion_tokens\":2},\"cached\":false,\"logprobs\":null,\"thought\":null}");
        var model = replay("from the model");
        var cache = new ChatCompletionCache(model, store);

        CreateResult hit = cache.create(HELLO);

        assertThat(model.createCalls()).isEmpty();
        assertThat(hit.content()).isEqualTo(new ModelContent.Text("From Python"));
        assertThat(hit.usage()).isEqualTo(new RequestUsage(4, 2));
        assertThat(hit.cached()).isTrue();
    }

    @Test
    void streamedEntriesStoredAsPlainListsAndMapsAreServed() {
        CacheStore<Object> store = new InMemoryStore<>();
        String key = ChatCompletionCache.cacheKey(CreateRequest.of(HELLO));
        store.set(key, List.of("Hi ", "there", Map.of("finish_reason", "stop", "content", "Hi there",
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 2), "cached", false)));
        var cache = new ChatCompletionCache(replay(), store);

        List<CreateStreamItem> items = drain(cache.createStream(HELLO));

        assertThat(items.subList(0, 2)).containsExactly(new ChatCompletionChunk("Hi "), new ChatCompletionChunk("there"));
        assertThat(((CreateResult) items.get(2)).cached()).isTrue();
    }

    @Test
    void anUnreadableEntryIsAMiss() {
        CacheStore<Object> store = new InMemoryStore<>();
        store.set(ChatCompletionCache.cacheKey(CreateRequest.of(HELLO)), "not json at all");
        var model = replay("fresh");
        var cache = new ChatCompletionCache(model, store);

        assertThat(cache.create(HELLO).content()).isEqualTo(new ModelContent.Text("fresh"));
        assertThat(model.createCalls()).hasSize(1);
        assertThat(cache.create(HELLO).cached()).as("the bad entry was replaced").isTrue();
    }

    @Test
    void cacheValuesHavePythonsJsonForm() throws Exception {
        var mapper = dev.autogen.core.serialization.AutogenJson.mapper();
        var result = CreateResult.ofText("Hi there", new RequestUsage(1, 2));
        ChatCacheValue streamed = new ChatCacheValue.Streamed(List.of(new ChatCompletionChunk("Hi "),
                new ChatCompletionChunk("there"), result));

        JsonNode json = mapper.valueToTree(streamed);

        assertThat(json.get(0).textValue()).isEqualTo("Hi ");
        assertThat(json.get(2).get("finish_reason").textValue()).isEqualTo("stop");
        assertThat(json.get(2).has("logprobs")).isTrue();
        assertThat(mapper.readValue(mapper.writeValueAsString(streamed), ChatCacheValue.class)).isEqualTo(streamed);
        ChatCacheValue single = new ChatCacheValue.Result(result);
        assertThat(mapper.readValue(mapper.writeValueAsString(single), ChatCacheValue.class)).isEqualTo(single);
    }

    @Test
    void delegatesUsageTokensAndModelInfoToTheWrappedClient() {
        var model = replay("one two");
        var cache = new ChatCompletionCache(model);
        cache.create(HELLO);

        assertThat(cache.actualUsage()).isEqualTo(model.actualUsage());
        assertThat(cache.totalUsage()).isEqualTo(model.totalUsage());
        assertThat(cache.countTokens(HELLO)).isEqualTo(model.countTokens(HELLO));
        assertThat(cache.remainingTokens(HELLO)).isEqualTo(model.remainingTokens(HELLO));
        assertThat(cache.modelInfo()).isEqualTo(model.modelInfo());
        assertThat(cache.capabilities()).isEqualTo(model.capabilities());
    }

    @Test
    void dumpsAsPythonDoesAndLoadsBack() {
        var cache = new ChatCompletionCache(replay("hello"));

        ComponentModel model = cache.dumpComponent();

        assertThat(model.provider()).isEqualTo("autogen_ext.models.cache.ChatCompletionCache");
        assertThat(model.componentType()).isEqualTo("chat_completion_cache");
        assertThat(model.config().get("client").get("provider").textValue())
                .isEqualTo("autogen_ext.models.replay.ReplayChatCompletionClient");
        assertThat(model.config().has("store")).as("an in-memory store is left out, as Python does").isFalse();

        ChatCompletionClient loaded = ComponentLoader.loadComponent(model.toJson(), ChatCompletionClient.class);
        assertThat(loaded).isInstanceOf(ChatCompletionCache.class);
        var loadedCache = (ChatCompletionCache) loaded;
        assertThat(loadedCache.client()).isInstanceOf(ReplayChatCompletionClient.class);
        assertThat(loadedCache.store()).isInstanceOf(InMemoryStore.class);
        assertThat(loadedCache.dumpComponent().toJson()).isEqualTo(model.toJson());
    }

    @Test
    void loadsAConfigWrittenByPython() {
        String json = """
                {"provider": "autogen_ext.models.cache.ChatCompletionCache", "component_type": "chat_completion_cache",
                 "version": 1, "component_version": 1, "description": null, "label": "ChatCompletionCache",
                 "config": {"client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                        "component_type": "replay_chat_completion_client", "version": 1,
                                        "component_version": 1, "config": {"chat_completions": ["Hi"]}},
                            "store": {"provider": "autogen_core.InMemoryStore", "component_type": "cache_store",
                                      "version": 1, "component_version": 1, "config": {}}}}
                """;

        var cache = ComponentLoader.loadComponent(json, ChatCompletionCache.class);

        assertThat(cache.create(HELLO).content()).isEqualTo(new ModelContent.Text("Hi"));
        assertThat(cache.create(HELLO).cached()).isTrue();
    }

    @Test
    void aConfigWithoutClientNamesTheMissingField() {
        String json = """
                {"provider": "autogen_ext.models.cache.ChatCompletionCache", "component_type": "chat_completion_cache",
                 "config": {}}
                """;

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, ChatCompletionClient.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("client");
    }

    private static ToolSchema weatherTool() {
        var city = JsonNodeFactory.instance.objectNode().put("type", "string").put("title", "City")
                .put("description", "the city");
        return new ToolSchema("get_weather", "Get the weather", ParametersSchema.of(Map.of("city", city), List.of("city")),
                false);
    }
}
