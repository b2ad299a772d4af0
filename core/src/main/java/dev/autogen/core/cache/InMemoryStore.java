package dev.autogen.core.cache;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CacheStore} that keeps entries in memory for the life of the instance; safe for
 * concurrent use. Dumps as Python's {@code autogen_core.InMemoryStore} with an empty config.
 *
 * <!-- java-context: import dev.autogen.core.models.CreateResult; -->
 * <pre>{@code
 * var cache = new InMemoryStore<CreateResult>();
 * }</pre>
 *
 * @param <T> the type of the values
 */
public final class InMemoryStore<T> implements CacheStore<T>, Component<InMemoryStoreConfig> {
    /** The provider string Python AutoGen writes for this store. */
    public static final String PROVIDER = "autogen_core.InMemoryStore";

    private final ConcurrentHashMap<String, T> entries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryStore() {
    }

    @Override
    public Optional<T> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void set(String key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        entries.put(key, value);
    }

    @Override
    public ComponentProvider<?, InMemoryStoreConfig> componentProvider() {
        return new Provider();
    }

    @Override
    public InMemoryStoreConfig toConfig() {
        return new InMemoryStoreConfig();
    }

    /** Loads {@code autogen_core.InMemoryStore} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<InMemoryStore<?>, InMemoryStoreConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CACHE_STORE, InMemoryStore.class, InMemoryStoreConfig.class);
        }

        @Override
        public InMemoryStore<?> fromConfig(InMemoryStoreConfig config, ComponentContext context) {
            return new InMemoryStore<>();
        }
    }
}
