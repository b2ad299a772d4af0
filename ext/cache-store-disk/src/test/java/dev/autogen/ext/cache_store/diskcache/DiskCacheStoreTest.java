package dev.autogen.ext.cache_store.diskcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.cache.CacheStore;
import dev.autogen.ext.models.cache.ChatCacheValue;
import dev.autogen.ext.models.cache.ChatCompletionCache;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheStoreTest {
    private static final List<LLMMessage> HELLO = List.of(new UserMessage("Hello, how are you?", "user"));

    record Note(String title, int stars) {
    }

    @TempDir
    Path dir;

    @Test
    void entriesSurviveClosingAndReopeningTheStore() {
        try (var store = DiskCacheStore.open(dir, Note.class)) {
            store.set("a", new Note("first", 3));
            store.set("a", new Note("replaced", 4));
            store.set("b", new Note("second", 5));
        }

        try (var reopened = DiskCacheStore.open(dir, Note.class)) {
            assertThat(reopened.get("a")).contains(new Note("replaced", 4));
            assertThat(reopened.get("b")).contains(new Note("second", 5));
            assertThat(reopened.get("missing")).isEmpty();
            assertThat(reopened.get("missing", new Note("default", 0))).isEqualTo(new Note("default", 0));
            assertThat(reopened.size()).isEqualTo(2);
        }
        assertThat(dir.resolve(DiskCacheStore.DATABASE_FILE)).isRegularFile();
    }

    @Test
    void cachedModelResultsSurviveARestartForCreateAndStream() {
        try (var store = DiskCacheStore.open(dir, ChatCacheValue.class)) {
            var model = new ReplayChatCompletionClient(List.of("Fine, thanks.", "Angola Benin Chad"));
            model.setCachedBoolValue(false);
            var cache = new ChatCompletionCache(model, store);
            assertThat(cache.create(HELLO).cached()).isFalse();
            drain(cache.createStream(List.of(new UserMessage("List three countries", "user"))));
            assertThat(model.createCalls()).hasSize(2);
        }

        try (var store = DiskCacheStore.open(dir, ChatCacheValue.class)) {
            var freshModel = new ReplayChatCompletionClient(List.of());
            var cache = new ChatCompletionCache(freshModel, store);

            CreateResult hit = cache.create(HELLO);
            List<CreateStreamItem> replayed = drain(cache.createStream(List.of(new UserMessage("List three countries", "user"))));

            assertThat(freshModel.createCalls()).as("no call reached the model after the restart").isEmpty();
            assertThat(hit.cached()).isTrue();
            assertThat(hit.content()).isEqualTo(new ModelContent.Text("Fine, thanks."));
            assertThat(replayed).startsWith(new ChatCompletionChunk("Angola "), new ChatCompletionChunk("Benin "),
                    new ChatCompletionChunk("Chad"));
            assertThat(((CreateResult) replayed.getLast()).cached()).isTrue();
        }
    }

    @Test
    void aStoreWithoutValueTypeReturnsJsonShapedValuesThatTheCacheStillReads() {
        try (var typed = DiskCacheStore.open(dir, ChatCacheValue.class)) {
            var model = new ReplayChatCompletionClient(List.of("Fine."));
            new ChatCompletionCache(model, typed).create(HELLO);
        }
        try (DiskCacheStore<Object> untyped = DiskCacheStore.open(dir)) {
            String key = ChatCompletionCache.cacheKey(dev.autogen.core.models.CreateRequest.of(HELLO));
            assertThat(untyped.get(key)).get().isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) untyped.get(key).orElseThrow()).get("content")).isEqualTo("Fine.");

            var cache = new ChatCompletionCache(new ReplayChatCompletionClient(List.of()), untyped);
            assertThat(cache.create(HELLO).content()).isEqualTo(new ModelContent.Text("Fine."));
        }
    }

    @Test
    void twoStoresOnOneDirectorySeeEachOthersWritesFromManyThreads() throws Exception {
        try (var one = DiskCacheStore.open(dir, Integer.class); var two = DiskCacheStore.open(dir, Integer.class);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.add(executor.submit(() -> (n % 2 == 0 ? one : two).set("k" + n, n)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            for (int i = 0; i < 50; i++) {
                assertThat(one.get("k" + i)).contains(i);
                assertThat(two.get("k" + i)).contains(i);
            }
        }
    }

    @Test
    void removeAndClearDeleteEntries() {
        try (var store = DiskCacheStore.open(dir, String.class)) {
            store.set("a", "1");
            store.set("b", "2");
            assertThat(store.remove("a")).isTrue();
            assertThat(store.remove("a")).isFalse();
            assertThat(store.get("a")).isEmpty();
            store.clear();
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void aValueOfAnotherTypeReadsAsAbsent() {
        try (var strings = DiskCacheStore.open(dir, String.class)) {
            strings.set("n", "not a note");
        }
        try (var notes = DiskCacheStore.open(dir, Note.class)) {
            assertThat(notes.get("n")).isEmpty();
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        var store = DiskCacheStore.open(dir, String.class);
        store.close();
        store.close();

        assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed").hasMessageContaining(dir.toString());
    }

    @Test
    void aDirectoryThatIsAFileIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> DiskCacheStore.open(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot create the disk cache directory").hasMessageContaining("not-a-dir");
    }

    @Test
    void dumpsItsDirectoryAndLoadsBack() {
        Path cacheDir = dir.resolve("cache");
        try (var store = DiskCacheStore.open(cacheDir, String.class)) {
            store.set("greeting", "hello");
            ComponentModel model = store.dumpComponent();

            assertThat(model.provider()).isEqualTo("autogen_ext.cache_store.diskcache.DiskCacheStore");
            assertThat(model.componentType()).isEqualTo("cache_store");
            assertThat(model.config().get("directory").textValue()).isEqualTo(cacheDir.toString());

            @SuppressWarnings("unchecked")
            CacheStore<Object> loaded = ComponentLoader.loadComponent(model.toJson(), CacheStore.class);
            try (var closeable = (DiskCacheStore<Object>) loaded) {
                assertThat(closeable.get("greeting")).contains("hello");
                assertThat(closeable.dumpComponent()).isEqualTo(model);
            }
        }
    }

    @Test
    void aChatCompletionCacheConfigWithADiskStoreLoadsAndOwnsTheStore() {
        String json = """
                {"provider": "autogen_ext.models.cache.ChatCompletionCache", "component_type": "chat_completion_cache",
                 "version": 1, "component_version": 1,
                 "config": {"client": {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient",
                                        "component_type": "replay_chat_completion_client",
                                        "config": {"chat_completions": ["Hi there"]}},
                            "store": {"provider": "autogen_ext.cache_store.diskcache.DiskCacheStore",
                                      "component_type": "cache_store", "version": 1, "component_version": 1,
                                      "config": {"directory": "%s"}}}}
                """.formatted(dir.toString().replace("\\", "\\\\"));

        var cache = (ChatCompletionCache) ComponentLoader.loadComponent(json, ChatCompletionClient.class);
        cache.create(HELLO);
        assertThat(cache.create(HELLO).cached()).isTrue();
        assertThat(cache.dumpComponent().config().get("store").get("config").get("directory").textValue())
                .isEqualTo(dir.toString());
        cache.close();

        assertThatThrownBy(() -> cache.store().get("any")).as("the cache closed the store it built")
                .isInstanceOf(IllegalStateException.class);
        try (var reopened = DiskCacheStore.open(dir)) {
            assertThat(reopened.size()).isEqualTo(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoreLoadedFromAConfigWritesNothingUntilItIsUsed() {
        Path folder = dir.resolve("not-yet");
        String json = """
                {"provider": "autogen_ext.cache_store.diskcache.DiskCacheStore", "component_type": "cache_store",
                 "config": {"directory": "%s"}}
                """.formatted(folder.toString().replace("\\", "\\\\"));

        try (var store = (DiskCacheStore<Object>) ComponentLoader.loadComponent(json, CacheStore.class)) {
            assertThat(folder).doesNotExist();
            store.set("k", "v");
            assertThat(folder.resolve(DiskCacheStore.DATABASE_FILE)).exists();
            assertThat(store.get("k")).contains("v");
        }
    }

    @Test
    void aBlankDirectoryInAConfigIsNamed() {
        String json = """
                {"provider": "autogen_ext.cache_store.diskcache.DiskCacheStore", "component_type": "cache_store",
                 "config": {"directory": " "}}
                """;

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, CacheStore.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("config.directory");
    }

    private static List<CreateStreamItem> drain(ChatCompletionStream stream) {
        List<CreateStreamItem> items = new ArrayList<>();
        try (stream) {
            stream.forEach(items::add);
        }
        return items;
    }
}
