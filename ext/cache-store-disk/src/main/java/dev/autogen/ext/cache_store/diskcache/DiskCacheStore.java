package dev.autogen.ext.cache_store.diskcache;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CacheStore} kept on disk in a directory, so cached entries survive restarts: the
 * counterpart of Python's {@code autogen_ext.cache_store.diskcache.DiskCacheStore}. Like Python's
 * {@code diskcache}, it is an SQLite database (file {@value #DATABASE_FILE} in the directory, in
 * WAL mode), so several stores, threads and processes may share a directory. Values are written as
 * JSON with AutoGen's conventions and read back as the value type given when opening; a store
 * opened without one (as when loaded from a component config) returns what the JSON holds: maps,
 * lists, strings, numbers and booleans.
 *
 * <!-- java-context: import dev.autogen.ext.models.cache.ChatCacheValue;
 *      import dev.autogen.ext.models.cache.ChatCompletionCache;
 *      import dev.autogen.core.models.ChatCompletionClient; import dev.autogen.core.models.LLMMessage;
 *      import java.util.List; ChatCompletionClient client; List<LLMMessage> messages; -->
 * <pre>{@code
 * try (var store = DiskCacheStore.open(Path.of(".cache/autogen"), ChatCacheValue.class);
 *      var cached = new ChatCompletionCache(client, store)) {
 *     cached.create(messages);   // answered from disk on the next run too
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to release the database; operations on a closed store throw
 * {@link IllegalStateException}. A failing disk surfaces as {@link UncheckedIOException} naming the
 * database file.
 *
 * @param <T> the type of the values
 */
public final class DiskCacheStore<T> implements CacheStore<T>, Component<DiskCacheStoreConfig>, AutoCloseable {
    /** The provider string Python AutoGen writes for this store. */
    public static final String PROVIDER = "autogen_ext.cache_store.diskcache.DiskCacheStore";
    /** The name of the SQLite database inside the store's directory. */
    public static final String DATABASE_FILE = "autogen-cache.sqlite3";

    private static final Logger LOG = LoggerFactory.getLogger(DiskCacheStore.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path configuredDirectory;
    private final Path directory;
    private final Path database;
    private final JavaType valueType;
    private final ObjectMapper mapper = AutogenJson.mapper();
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Connection connection;
    private boolean closed;

    private DiskCacheStore(Path directory, JavaType valueType, boolean openNow) {
        this.configuredDirectory = directory;
        this.directory = directory.toAbsolutePath().normalize();
        this.database = this.directory.resolve(DATABASE_FILE);
        this.valueType = valueType;
        this.connection = openNow ? connect() : null;
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, reading values back as JSON-shaped
     * Java objects (maps, lists, strings, numbers, booleans).
     *
     * @throws UncheckedIOException if the directory cannot be created or the database opened
     */
    public static DiskCacheStore<Object> open(Path directory) {
        return open(directory, Object.class);
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, reading values back as {@code valueType}.
     *
     * @throws UncheckedIOException if the directory cannot be created or the database opened
     */
    public static <T> DiskCacheStore<T> open(Path directory, Class<T> valueType) {
        Objects.requireNonNull(valueType, "valueType");
        return new DiskCacheStore<>(Objects.requireNonNull(directory, "directory"),
                AutogenJson.mapper().constructType(valueType), true);
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, reading values back as the generic
     * {@code valueType}, e.g. {@code mapper.getTypeFactory().constructCollectionType(List.class, String.class)}.
     *
     * @throws UncheckedIOException if the directory cannot be created or the database opened
     */
    public static <T> DiskCacheStore<T> open(Path directory, JavaType valueType) {
        Objects.requireNonNull(valueType, "valueType");
        return new DiskCacheStore<>(Objects.requireNonNull(directory, "directory"), valueType, true);
    }

    private Connection connect() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the disk cache directory " + directory + ": " + e, e);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /** The directory holding the database. */
    public Path directory() {
        return directory;
    }

    /**
     * The value stored under {@code key}, read as this store's value type. A value that does not
     * read as that type is logged and treated as absent.
     */
    @Override
    public Optional<T> get(String key) {
        Objects.requireNonNull(key, "key");
        @Nullable String json;
        lock.lock();
        try (PreparedStatement select = open().prepareStatement("SELECT value FROM cache WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                json = rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read key '" + key + "'", e);
        } finally {
            lock.unlock();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(json, valueType));
        } catch (JsonProcessingException e) {
            LOG.warn("disk cache {}: the value under key '{}' is not a {}; treating it as absent: {}",
                    database, key, valueType, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores {@code value}, as JSON, under {@code key}.
     *
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    @Override
    public void set(String key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the value for key '" + key + "' (a "
                    + value.getClass().getName() + ") as JSON: " + e.getOriginalMessage(), e);
        }
        lock.lock();
        try (PreparedStatement upsert = open().prepareStatement(
                "INSERT INTO cache (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, json);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("write key '" + key + "'", e);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the value under {@code key}; returns whether there was one. */
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try (PreparedStatement delete = open().prepareStatement("DELETE FROM cache WHERE key = ?")) {
            delete.setString(1, key);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("remove key '" + key + "'", e);
        } finally {
            lock.unlock();
        }
    }

    /** Removes every entry. */
    public void clear() {
        lock.lock();
        try (Statement delete = open().createStatement()) {
            delete.executeUpdate("DELETE FROM cache");
        } catch (SQLException e) {
            throw failure("clear", e);
        } finally {
            lock.unlock();
        }
    }

    /** The number of entries. */
    public long size() {
        lock.lock();
        try (Statement count = open().createStatement(); ResultSet rows = count.executeQuery("SELECT count(*) FROM cache")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failure("count entries", e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the database; the entries stay on disk for the next store opened on the directory. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("disk cache {}: closing the database failed", database, e);
        } finally {
            connection = null;
            closed = true;
            lock.unlock();
        }
    }

    /** The connection, opened at the first use for a store loaded from a config; called under the lock. */
    private Connection open() {
        if (closed) {
            throw new IllegalStateException("the disk cache at " + directory + " is closed; open a new DiskCacheStore");
        }
        Connection c = connection;
        if (c == null) {
            c = connect();
            connection = c;
        }
        return c;
    }

    private UncheckedIOException failure(String operation, SQLException e) {
        return new UncheckedIOException("disk cache " + database + ": cannot " + operation + ": " + e.getMessage(),
                new IOException(e));
    }

    @Override
    public ComponentProvider<?, DiskCacheStoreConfig> componentProvider() {
        return new Provider();
    }

    /** The directory as it was given (relative paths stay relative, as Python writes them). */
    @Override
    public DiskCacheStoreConfig toConfig() {
        return new DiskCacheStoreConfig(configuredDirectory.toString());
    }

    @Override
    public String toString() {
        return "DiskCacheStore[" + directory + "]";
    }

    /**
     * Loads {@code autogen_ext.cache_store.diskcache.DiskCacheStore} configs into stores without a
     * value type; registered through {@code META-INF/services}.
     */
    public static final class Provider extends AbstractComponentProvider<DiskCacheStore<?>, DiskCacheStoreConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CACHE_STORE, DiskCacheStore.class, DiskCacheStoreConfig.class);
            withAliases(DiskCacheStore.class.getName());
        }

        @Override
        public DiskCacheStore<?> fromConfig(DiskCacheStoreConfig config, ComponentContext context) {
            if (config.directory().isBlank()) {
                throw context.invalid("directory", "must name the cache directory, e.g. \".cache/autogen\"");
            }
            // Opened at the first use, so that loading or checking a config writes nothing.
            try {
                return new DiskCacheStore<>(Path.of(config.directory()), AutogenJson.mapper().constructType(Object.class),
                        false);
            } catch (java.nio.file.InvalidPathException e) {
                throw context.invalid("directory", e.getMessage());
            }
        }
    }
}
