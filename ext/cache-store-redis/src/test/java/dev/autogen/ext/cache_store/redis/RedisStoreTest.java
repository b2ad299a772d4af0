package dev.autogen.ext.cache_store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.cache.CacheStore;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.cache.ChatCacheValue;
import dev.autogen.ext.models.cache.ChatCompletionCache;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisStoreTest {
    private static final List<LLMMessage> HELLO = List.of(new UserMessage("Hello, how are you?", "user"));
    private static final List<LLMMessage> COUNTRIES = List.of(new UserMessage("List three countries", "user"));

    record Note(String title, int stars) {
    }

    private static RedisServer server;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(null);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void flush() {
        try (var jedis = server.client()) {
            jedis.flushAll();
        }
    }

    private static ReplayChatCompletionClient replay(Object... responses) {
        var client = new ReplayChatCompletionClient(List.of(responses));
        client.setCachedBoolValue(false);
        return client;
    }

    @Test
    void storesAndReadsBackTypedValues() {
        try (var notes = RedisStore.create(server.config().build(), Note.class)) {
            notes.set("n", new Note("first", 3));
            notes.set("n", new Note("second", 4));

            assertThat(notes.get("n")).contains(new Note("second", 4));
            assertThat(notes.get("absent")).isEmpty();
            assertThat(notes.remove("n")).isTrue();
            assertThat(notes.get("n")).isEmpty();
        }
        try (var jedis = server.client()) {
            jedis.set("n", "{\"title\": \"from elsewhere\", \"stars\": 1}");
        }
        try (var notes = RedisStore.create(server.config().build(), Note.class)) {
            assertThat(notes.get("n")).contains(new Note("from elsewhere", 1));
        }
    }

    @Test
    void valuesAreJsonAndStringsAreStoredAsThemselvesAsPythonDoes() {
        try (RedisStore<Object> store = RedisStore.create(server.config().build()); var jedis = server.client()) {
            store.set("note", new Note("a", 1));
            store.set("list", List.of("x", 2));
            store.set("text", "plain words");
            store.set("number", 42);

            assertThat(jedis.get("note")).isEqualTo("{\"title\":\"a\",\"stars\":1}");
            assertThat(jedis.get("text")).isEqualTo("plain words");
            assertThat(jedis.get("number")).isEqualTo("42");
            assertThat(store.get("note")).contains(Map.of("title", "a", "stars", 1));
            assertThat(store.get("list")).contains(List.of("x", 2));
            assertThat(store.get("text")).as("not JSON: the raw text, as Python returns it").contains("plain words");
            assertThat(store.get("number")).contains(42);
        }
        try (var strings = RedisStore.create(server.config().build(), String.class)) {
            strings.set("json-looking", "[1, 2]");
            assertThat(strings.get("json-looking")).contains("[1, 2]");
        }
    }

    @Test
    void theChatCacheServesRepeatedCreateAndStreamRequestsFromRedis() {
        var model = replay("Fine, thanks.", "Angola Benin Chad");
        try (var store = RedisStore.create(server.config().build(), ChatCacheValue.class)) {
            var cache = new ChatCompletionCache(model, store);

            CreateResult first = cache.create(HELLO);
            CreateResult second = cache.create(HELLO);
            List<CreateStreamItem> streamed = drain(cache.createStream(COUNTRIES));
            List<CreateStreamItem> replayed = drain(cache.createStream(COUNTRIES));

            assertThat(model.createCalls()).hasSize(2);
            assertThat(first.cached()).isFalse();
            assertThat(second.cached()).isTrue();
            assertThat(second.content()).isEqualTo(new ModelContent.Text("Fine, thanks."));
            assertThat(replayed.subList(0, 3)).isEqualTo(streamed.subList(0, 3));
            assertThat(((CreateResult) replayed.getLast()).cached()).isTrue();
        }

        var otherProcessModel = new ReplayChatCompletionClient(List.of());
        try (RedisStore<Object> untyped = RedisStore.create(server.config().build())) {
            var cache = new ChatCompletionCache(otherProcessModel, untyped);
            assertThat(cache.create(HELLO).content()).isEqualTo(new ModelContent.Text("Fine, thanks."));
            assertThat(drain(cache.createStream(COUNTRIES))).startsWith(new ChatCompletionChunk("Angola "));
            assertThat(otherProcessModel.createCalls()).isEmpty();
        }
    }

    @Test
    void entriesHavePythonsJsonFormInBothDirections() throws Exception {
        try (var store = RedisStore.create(server.config().build(), ChatCacheValue.class); var jedis = server.client()) {
            var cache = new ChatCompletionCache(replay("Fine, thanks."), store);
            cache.create(HELLO);

            JsonNode written = AutogenJson.mapper().readTree(jedis.get(ChatCompletionCache.cacheKey(CreateRequest.of(HELLO))));
            List<String> fields = new ArrayList<>();
            written.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("CreateResult.model_dump_json() field order")
                    .containsExactly("finish_reason", "content", "usage", "cached", "logprobs", "thought");
            assertThat(written.get("usage").get("prompt_tokens").intValue()).isEqualTo(4);

            // as Python's RedisStore.set writes a create_stream result: json.dumps([str, CreateResult.model_dump()])
            jedis.set(ChatCompletionCache.cacheKey(CreateRequest.of(COUNTRIES)),
                    "[\"Chad \", \"Mali\", {\"finish_reason\": \"stop\", \"content\": \"Chad Mali\", \"usage\": "
                            + "{\"prompt_tokens\": 3, \"completion_tokens\": 2}, \"cached\": false, \"logprobs\": null, "
                            + "\"thought\": null}]");
            List<CreateStreamItem> fromPython = drain(cache.createStream(COUNTRIES));
            assertThat(fromPython.subList(0, 2)).containsExactly(new ChatCompletionChunk("Chad "), new ChatCompletionChunk("Mali"));
            assertThat((CreateResult) fromPython.getLast()).isEqualTo(
                    new CreateResult(dev.autogen.core.models.FinishReason.STOP, new ModelContent.Text("Chad Mali"),
                            new RequestUsage(3, 2), true, null, null));
        }
    }

    @Test
    void databasesAreSeparate() {
        try (var zero = RedisStore.create(server.config().db(0).build(), String.class);
                var one = RedisStore.create(server.config().db(1).build(), String.class)) {
            zero.set("k", "in zero");
            assertThat(one.get("k")).isEmpty();
            one.set("k", "in one");
            assertThat(zero.get("k")).contains("in zero");
        }
    }

    @Test
    void anUnreachableServerIsAMissNotAFailure() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var config = RedisStoreConfig.builder().host("127.0.0.1").port(closedPort)
                .socketTimeout(Duration.ofSeconds(1)).build();
        try (var store = RedisStore.create(config, ChatCacheValue.class)) {
            store.set("k", new ChatCacheValue.Result(CreateResult.ofText("x", RequestUsage.ZERO)));
            assertThat(store.get("k")).isEmpty();

            var model = replay("answer", "answer again");
            var cache = new ChatCompletionCache(model, store);
            assertThat(cache.create(HELLO).content()).isEqualTo(new ModelContent.Text("answer"));
            assertThat(cache.create(HELLO).cached()).isFalse();
            assertThat(model.createCalls()).hasSize(2);
        }
    }

    @Test
    void logsInWithAPasswordAndNeverDumpsIt() throws Exception {
        try (var secured = RedisServer.start("s3cret")) {
            var config = secured.config().password("s3cret").build();
            try (var store = RedisStore.create(config, String.class)) {
                store.set("k", "v");
                assertThat(store.get("k")).contains("v");

                ComponentModel dumped = store.dumpComponent();
                assertThat(dumped.toJson()).doesNotContain("s3cret");
                assertThat(dumped.config().get("password").textValue()).isEqualTo(RedisStore.MASKED_PASSWORD);
                assertThat(config.toString()).doesNotContain("s3cret");

                assertThatThrownBy(() -> ComponentLoader.loadComponent(dumped.toJson(), CacheStore.class))
                        .isInstanceOf(ComponentLoadException.class)
                        .hasMessageContaining("config.password")
                        .hasMessageContaining("real password");
            }
            try (var wrongPassword = RedisStore.create(secured.config().password("wrong").build(), String.class)) {
                assertThat(wrongPassword.get("k")).as("a login failure is a miss, as in Python").isEmpty();
            }
        }
    }

    @Test
    void dumpsPythonsConfigAndLoadsBack() {
        var config = server.config().db(2).username("default").socketTimeout(Duration.ofMillis(2500)).build();
        try (var store = RedisStore.create(config, String.class)) {
            store.set("greeting", "hello");
            ComponentModel model = store.dumpComponent();

            assertThat(model.provider()).isEqualTo("autogen_ext.cache_store.redis.RedisStore");
            assertThat(model.componentType()).isEqualTo("cache_store");
            assertThat(model.config()).isEqualTo(AutogenJson.mapper().createObjectNode()
                    .put("host", "127.0.0.1").put("port", server.port).put("db", 2).put("username", "default")
                    .put("ssl", false).put("socket_timeout", 2.5));

            @SuppressWarnings("unchecked")
            CacheStore<Object> loaded = ComponentLoader.loadComponent(model.toJson(), CacheStore.class);
            try (var redis = (RedisStore<Object>) loaded) {
                assertThat(redis.get("greeting")).contains("hello");
                assertThat(redis.dumpComponent()).isEqualTo(model);
            }
        }
    }

    @Test
    void loadsAPythonCacheConfigWithARedisStore() {
        String json = """
                {"provider": "autogen_ext.models.cache.ChatCompletionCache", "component_type": "chat_completion_cache",
                 "version": 1, "component_version": 1,
                 "config": {"client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                        "component_type": "replay_chat_completion_client",
                                        "config": {"chat_completions": ["Hi there"]}},
                            "store": {"provider": "autogen_ext.cache_store.redis.RedisStore", "component_type": "cache_store",
                                      "version": 1, "component_version": 1, "description": null, "label": "RedisStore",
                                      "config": {"host": "127.0.0.1", "port": %d, "db": 0, "ssl": false}}}}
                """.formatted(server.port);

        try (var cache = (ChatCompletionCache) ComponentLoader.loadComponent(json, ChatCompletionClient.class)) {
            cache.create(HELLO);
            assertThat(cache.create(HELLO).cached()).isTrue();
        }
        try (var jedis = server.client()) {
            assertThat(jedis.exists(ChatCompletionCache.cacheKey(CreateRequest.of(HELLO)))).isTrue();
        }
    }

    @Test
    void badConfigValuesAreNamed() {
        String json = """
                {"provider": "autogen_ext.cache_store.redis.RedisStore", "component_type": "cache_store",
                 "config": {"port": 70000}}
                """;

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, CacheStore.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("port must be between 1 and 65535, got 70000");
        assertThatThrownBy(() -> RedisStoreConfig.builder().db(-1).build())
                .hasMessageContaining("db must be 0 or more");
    }

    @Test
    void aStoreOverACallersClientCannotBeDumped() {
        try (var client = redis.clients.jedis.RedisClient.create("127.0.0.1", server.port)) {
            var store = RedisStore.wrap(client, String.class);
            store.set("k", "v");
            store.close();
            assertThat(client.get("k")).as("the caller's client stays open").isEqualTo("v");
            assertThatThrownBy(store::dumpComponent).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("RedisStore.create(RedisStoreConfig)");
        }
    }

    private static List<CreateStreamItem> drain(ChatCompletionStream stream) {
        List<CreateStreamItem> items = new ArrayList<>();
        try (stream) {
            stream.forEach(items::add);
        }
        return items;
    }
}
