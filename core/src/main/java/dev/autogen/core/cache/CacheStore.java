package dev.autogen.core.cache;

import dev.autogen.core.component.ComponentBase;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A key-value store for cached values, the counterpart of Python's {@code CacheStore[T]}. Its
 * {@code component_type} is {@code cache_store}. Implementations handle the lifecycle of the
 * underlying storage and are safe for concurrent use.
 *
 * <pre>{@code
 * CacheStore<String> store = new InMemoryStore<>();
 * store.set("greeting", "hello");
 * String value = store.get("greeting", "none");   // "hello"
 * }</pre>
 *
 * @param <T> the type of the values
 */
public interface CacheStore<T> extends ComponentBase {
    /** The value stored under {@code key}, if any. */
    Optional<T> get(String key);

    /** The value stored under {@code key}, or {@code defaultValue} when there is none. */
    default @Nullable T get(String key, @Nullable T defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void set(String key, T value);
}
