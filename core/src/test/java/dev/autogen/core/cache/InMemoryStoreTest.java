package dev.autogen.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.component.ComponentLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

    @Test
    void getReturnsWhatWasSetOrTheDefault() {
        CacheStore<String> store = new InMemoryStore<>();

        store.set("a", "1");
        store.set("a", "2");

        assertThat(store.get("a")).contains("2");
        assertThat(store.get("missing")).isEmpty();
        assertThat(store.get("missing", "fallback")).isEqualTo("fallback");
        assertThat(store.get("missing", null)).isNull();
        assertThat(store.get("a", "fallback")).isEqualTo("2");
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        CacheStore<String> store = new InMemoryStore<>();

        assertThatThrownBy(() -> store.set("k", null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        CacheStore<Integer> store = new InMemoryStore<>();
        List<Future<?>> writers = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.set(thread + ":" + i, i);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        for (int t = 0; t < 16; t++) {
            for (int i = 0; i < 500; i++) {
                assertThat(store.get(t + ":" + i)).contains(i);
            }
        }
    }

    @Test
    void dumpsAsPythonsInMemoryStoreAndLoadsBack() {
        String json = new InMemoryStore<String>().dumpComponent().toJson();

        assertThat(json).isEqualTo("{\"provider\":\"autogen_core.InMemoryStore\",\"component_type\":\"cache_store\","
                + "\"version\":1,\"component_version\":1,\"label\":\"InMemoryStore\",\"config\":{}}");
        assertThat(ComponentLoader.loadComponent(json, CacheStore.class)).isInstanceOf(InMemoryStore.class);
        assertThat(ComponentLoader.loadComponent("{\"provider\":\"InMemoryStore\",\"config\":{}}", CacheStore.class))
                .isInstanceOf(InMemoryStore.class);
    }
}
