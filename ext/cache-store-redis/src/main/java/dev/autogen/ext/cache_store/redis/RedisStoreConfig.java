package dev.autogen.ext.cache_store.redis;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The config of a {@link RedisStore}, Python's {@code RedisStoreConfig}: where the Redis server is
 * and how to log in.
 *
 * <pre>{@code
 * {"host": "localhost", "port": 6379, "db": 0, "username": null, "password": null,
 *  "ssl": false, "socket_timeout": null}
 * }</pre>
 *
 * @param host the server's host name; null for {@code localhost}
 * @param port the server's port; null for 6379
 * @param db the database number; null for 0
 * @param username the ACL user name; null for the default user
 * @param password the password; null for none. Dumped as {@value RedisStore#MASKED_PASSWORD}, never in clear
 * @param ssl whether to connect with TLS; null for false
 * @param socketTimeout seconds to wait for a connection or a reply; null for Jedis' default (2 s)
 */
public record RedisStoreConfig(
        @Nullable String host,
        @Nullable Integer port,
        @Nullable Integer db,
        @Nullable String username,
        @Nullable String password,
        @Nullable Boolean ssl,
        @Nullable Double socketTimeout) {

    /** The defaults applied; throws {@link IllegalArgumentException} naming a bad field. */
    public RedisStoreConfig {
        host = host == null ? "localhost" : host;
        port = port == null ? 6379 : port;
        db = db == null ? 0 : db;
        ssl = ssl != null && ssl;
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        if (db < 0) {
            throw new IllegalArgumentException("db must be 0 or more, got " + db);
        }
        if (socketTimeout != null && !(socketTimeout > 0 && socketTimeout * 1000 <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("socket_timeout must be a positive number of seconds, got " + socketTimeout);
        }
    }

    /** A config for {@code localhost:6379}, database 0, without login. */
    public static RedisStoreConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host, never null once built. */
    @Override
    public String host() {
        return Objects.requireNonNull(host);
    }

    /** The port, never null once built. */
    @Override
    public Integer port() {
        return Objects.requireNonNull(port);
    }

    /** The database number, never null once built. */
    @Override
    public Integer db() {
        return Objects.requireNonNull(db);
    }

    /** Whether TLS is used, never null once built. */
    @Override
    public Boolean ssl() {
        return Objects.requireNonNull(ssl);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "RedisStoreConfig[host=" + host + ", port=" + port + ", db=" + db + ", username=" + username
                + ", password=" + (password == null ? null : RedisStore.MASKED_PASSWORD) + ", ssl=" + ssl
                + ", socketTimeout=" + socketTimeout + "]";
    }

    /** Builds a {@link RedisStoreConfig}; every value is optional. */
    public static final class Builder {
        private @Nullable String host;
        private @Nullable Integer port;
        private @Nullable Integer db;
        private @Nullable String username;
        private @Nullable String password;
        private boolean ssl;
        private @Nullable Double socketTimeout;

        private Builder() {
        }

        /** The server's host name (default {@code localhost}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The server's port (default 6379). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The database number (default 0). */
        public Builder db(int db) {
            this.db = db;
            return this;
        }

        /** The ACL user name. */
        public Builder username(@Nullable String username) {
            this.username = username;
            return this;
        }

        /** The password. */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /** Whether to connect with TLS (default false). */
        public Builder ssl(boolean ssl) {
            this.ssl = ssl;
            return this;
        }

        /** How long to wait for a connection or a reply. */
        public Builder socketTimeout(java.time.Duration timeout) {
            this.socketTimeout = timeout.toNanos() / 1e9;
            return this;
        }

        /**
         * Builds the config.
         *
         * @throws IllegalArgumentException naming the field that is out of range
         */
        public RedisStoreConfig build() {
            return new RedisStoreConfig(host, port, db, username, password, ssl, socketTimeout);
        }
    }
}
