package dev.autogen.ext.cache_store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.cache.CacheStore;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link CacheStore} in a Redis server, shared by every process that points at it: the
 * counterpart of Python's {@code autogen_ext.cache_store.redis.RedisStore}, with the same value
 * format, so Java and Python AutoGen read each other's entries. A value is stored as its JSON
 * (a {@link String} as itself), and read back as the value type given when creating the store; a
 * store without one (as when loaded from a component config) returns what the JSON holds (maps,
 * lists, strings, numbers, booleans), or the raw text when it is not JSON, as Python does.
 *
 * <p>As in Python, Redis being unreachable does not fail the caller: {@code get} answers "absent"
 * and {@code set} drops the value, with a warning logged (once until Redis answers again).
 *
 * <!-- java-context: import dev.autogen.ext.models.cache.ChatCacheValue;
 *      import dev.autogen.ext.models.cache.ChatCompletionCache;
 *      import dev.autogen.core.models.ChatCompletionClient; import dev.autogen.core.models.LLMMessage;
 *      import java.util.List; ChatCompletionClient client; List<LLMMessage> messages; -->
 * <pre>{@code
 * var config = RedisStoreConfig.builder().host("localhost").port(6379).build();
 * try (var store = RedisStore.create(config, ChatCacheValue.class);
 *      var cached = new ChatCompletionCache(client, store)) {
 *     cached.create(messages);
 * }
 * }</pre>
 *
 * <p>Thread-safe: the underlying {@link RedisClient} pools connections. Blocking calls, designed
 * for virtual threads.
 *
 * @param <T> the type of the values
 */
public final class RedisStore<T> implements CacheStore<T>, Component<RedisStoreConfig>, AutoCloseable {
    /** The provider string Python AutoGen writes for this store. */
    public static final String PROVIDER = "autogen_ext.cache_store.redis.RedisStore";
    /** What a dumped config holds in place of a password. */
    public static final String MASKED_PASSWORD = "**********";

    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

    private final UnifiedJedis redis;
    private final @Nullable RedisStoreConfig config;
    private final boolean ownsClient;
    private final JavaType valueType;
    private final ObjectMapper mapper = AutogenJson.mapper();
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    private RedisStore(UnifiedJedis redis, @Nullable RedisStoreConfig config, boolean ownsClient, JavaType valueType) {
        this.redis = redis;
        this.config = config;
        this.ownsClient = ownsClient;
        this.valueType = valueType;
    }

    /** A store connecting to the server {@code config} describes, reading values as JSON-shaped objects. */
    public static RedisStore<Object> create(RedisStoreConfig config) {
        return create(config, Object.class);
    }

    /** A store connecting to the server {@code config} describes, reading values as {@code valueType}. */
    public static <T> RedisStore<T> create(RedisStoreConfig config, Class<T> valueType) {
        return create(config, AutogenJson.mapper().constructType(Objects.requireNonNull(valueType, "valueType")));
    }

    /**
     * A store connecting to the server {@code config} describes, reading values as the generic
     * {@code valueType}. No connection is made until the first call.
     *
     * @throws IllegalArgumentException if the config holds a masked password
     */
    public static <T> RedisStore<T> create(RedisStoreConfig config, JavaType valueType) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(valueType, "valueType");
        if (MASKED_PASSWORD.equals(config.password())) {
            throw new IllegalArgumentException("the Redis password is masked (\"" + MASKED_PASSWORD
                    + "\"), as dumped configs hold it: put the real password in the config's password field");
        }
        var client = DefaultJedisClientConfig.builder()
                .database(config.db())
                .user(config.username())
                .password(config.password())
                .ssl(config.ssl());
        if (config.socketTimeout() != null) {
            int millis = (int) Math.ceil(config.socketTimeout() * 1000);
            client.socketTimeoutMillis(millis).connectionTimeoutMillis(millis);
        }
        RedisClient redis = RedisClient.builder()
                .hostAndPort(config.host(), config.port())
                .clientConfig(client.build())
                .build();
        return new RedisStore<>(redis, config, true, valueType);
    }

    /**
     * A store over a client the caller made and keeps managing ({@link #close()} leaves it open).
     * Such a store cannot be dumped as a component, since its connection settings are unknown.
     */
    public static <T> RedisStore<T> wrap(UnifiedJedis redis, Class<T> valueType) {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(valueType, "valueType");
        return new RedisStore<>(redis, null, false, AutogenJson.mapper().constructType(valueType));
    }

    /**
     * The value under {@code key}; absent when there is none, when it does not read as this store's
     * value type, or when Redis cannot be reached.
     */
    @Override
    public Optional<T> get(String key) {
        Objects.requireNonNull(key, "key");
        byte[] raw;
        try {
            raw = redis.get(key.getBytes(StandardCharsets.UTF_8));
            markReachable();
        } catch (JedisException e) {
            unreachable("read key '" + key + "'", e);
            return Optional.empty();
        }
        if (raw == null) {
            return Optional.empty();
        }
        return decode(key, new String(raw, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Optional<T> decode(String key, String text) {
        Class<?> raw = valueType.getRawClass();
        if (raw == String.class) {
            return Optional.of((T) text);
        }
        try {
            return Optional.ofNullable(mapper.readValue(text, valueType));
        } catch (JsonProcessingException e) {
            if (raw == Object.class) {
                return Optional.of((T) text);
            }
            LOG.warn("Redis key '{}' does not hold a {}; treating it as absent: {}", key, valueType, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores {@code value} under {@code key}: a {@link String} as itself, anything else as JSON. When
     * Redis cannot be reached the value is dropped (logged).
     *
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    @Override
    public void set(String key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String text;
        if (value instanceof String s) {
            text = s;
        } else {
            try {
                text = mapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the value for key '" + key + "' (a "
                        + value.getClass().getName() + ") as JSON: " + e.getOriginalMessage(), e);
            }
        }
        try {
            redis.set(key.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
            markReachable();
        } catch (JedisException e) {
            unreachable("write key '" + key + "'", e);
        }
    }

    /** Removes the value under {@code key}; returns whether there was one (false when Redis is unreachable). */
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        try {
            boolean removed = redis.del(key) > 0;
            markReachable();
            return removed;
        } catch (JedisException e) {
            unreachable("remove key '" + key + "'", e);
            return false;
        }
    }

    private void markReachable() {
        if (!reachable.getAndSet(true)) {
            LOG.info("Redis cache store at {} answers again", where());
        }
    }

    private void unreachable(String operation, JedisException e) {
        if (reachable.getAndSet(false)) {
            LOG.warn("Redis cache store at {}: cannot {}, continuing without the cache until it answers: {}",
                    where(), operation, e.toString());
        } else {
            LOG.debug("Redis cache store at {}: cannot {}: {}", where(), operation, e.toString());
        }
    }

    private String where() {
        return config == null ? "a caller's client" : config.host() + ":" + config.port() + "/" + config.db();
    }

    /** Closes the connection pool this store made; a client given to {@link #wrap} stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }

    @Override
    public ComponentProvider<?, RedisStoreConfig> componentProvider() {
        return new Provider();
    }

    /**
     * The connection settings, the password masked as {@value #MASKED_PASSWORD}.
     *
     * @throws UnsupportedOperationException if this store wraps a caller's client
     */
    @Override
    public RedisStoreConfig toConfig() {
        if (config == null) {
            throw new UnsupportedOperationException("a RedisStore made with wrap(client, type) cannot be dumped: "
                    + "its connection settings are the client's; make it with RedisStore.create(RedisStoreConfig) instead");
        }
        return new RedisStoreConfig(config.host(), config.port(), config.db(), config.username(),
                config.password() == null ? null : MASKED_PASSWORD, config.ssl(), config.socketTimeout());
    }

    @Override
    public String toString() {
        return "RedisStore[" + where() + "]";
    }

    /**
     * Loads {@code autogen_ext.cache_store.redis.RedisStore} configs into stores without a value
     * type; registered through {@code META-INF/services}.
     */
    public static final class Provider extends AbstractComponentProvider<RedisStore<?>, RedisStoreConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CACHE_STORE, RedisStore.class, RedisStoreConfig.class);
            withAliases(RedisStore.class.getName());
        }

        @Override
        public RedisStore<?> fromConfig(RedisStoreConfig config, ComponentContext context) {
            if (MASKED_PASSWORD.equals(config.password())) {
                throw context.invalid("password", "holds the mask \"" + MASKED_PASSWORD
                        + "\" written by dumps, not a password: put the real password here");
            }
            return RedisStore.create(config);
        }
    }
}
