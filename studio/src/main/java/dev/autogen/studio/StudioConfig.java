package dev.autogen.studio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a Studio server runs.
 *
 * @param host the address to bind; a loopback address unless an auth token is set
 * @param port the port; 0 picks a free one
 * @param appDir the folder of the Studio's files: its SQLite database, its key for secrets
 * @param databaseUri the database: null for {@code studio.db} in the app dir, else a
 *     {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param authToken the token every request and WebSocket must carry ({@code Authorization: Bearer}),
 *     or null for none (only on loopback)
 * @param maxBodyBytes the largest request body accepted
 * @param maxFrameBytes the largest WebSocket frame accepted from a browser
 * @param inputTimeout how long a UserProxyAgent waits for the person when the settings do not say
 */
public record StudioConfig(String host, int port, Path appDir, @Nullable String databaseUri,
        @Nullable String authToken, long maxBodyBytes, long maxFrameBytes, Duration inputTimeout) {
    /** Python Studio's port. */
    public static final int DEFAULT_PORT = 8081;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the host is not loopback and there is no token, or a value is out of range
     */
    public StudioConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(appDir, "appDir");
        Objects.requireNonNull(inputTimeout, "inputTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0 to 65535)");
        }
        if (authToken != null && authToken.isBlank()) {
            authToken = null;
        }
        if (authToken == null && !isLoopback(host)) {
            throw new IllegalArgumentException("binding " + host + " makes the Studio reachable from other machines; "
                    + "give an auth token (--auth-token) that every request must carry, or bind 127.0.0.1");
        }
        if (maxBodyBytes < 1024 || maxFrameBytes < 1024) {
            throw new IllegalArgumentException("the body and frame limits must be at least 1024 bytes");
        }
    }

    /** Loopback on {@link #DEFAULT_PORT}, files in {@code appDir}, SQLite, no token, 10 MiB bodies, 3 minutes for input. */
    public static StudioConfig defaults(Path appDir) {
        return new StudioConfig("127.0.0.1", DEFAULT_PORT, appDir, null, null, 10L << 20, 10L << 20, Duration.ofMinutes(3));
    }

    /** The default app dir: {@code ~/.autogenstudio-java}. */
    public static Path defaultAppDir() {
        return Path.of(System.getProperty("user.home"), ".autogenstudio-java");
    }

    /** This config on another port. */
    public StudioConfig withPort(int newPort) {
        return new StudioConfig(host, newPort, appDir, databaseUri, authToken, maxBodyBytes, maxFrameBytes, inputTimeout);
    }

    /** This config on another address. */
    public StudioConfig withHost(String newHost) {
        return new StudioConfig(newHost, port, appDir, databaseUri, authToken, maxBodyBytes, maxFrameBytes, inputTimeout);
    }

    /** This config with another database. */
    public StudioConfig withDatabaseUri(@Nullable String uri) {
        return new StudioConfig(host, port, appDir, uri, authToken, maxBodyBytes, maxFrameBytes, inputTimeout);
    }

    /** This config with a token. */
    public StudioConfig withAuthToken(@Nullable String token) {
        return new StudioConfig(host, port, appDir, databaseUri, token, maxBodyBytes, maxFrameBytes, inputTimeout);
    }

    /** This config with another body limit. */
    public StudioConfig withMaxBodyBytes(long bytes) {
        return new StudioConfig(host, port, appDir, databaseUri, authToken, bytes, maxFrameBytes, inputTimeout);
    }

    /** This config with another input timeout. */
    public StudioConfig withInputTimeout(Duration timeout) {
        return new StudioConfig(host, port, appDir, databaseUri, authToken, maxBodyBytes, maxFrameBytes, timeout);
    }

    /** The database URI in effect. */
    public String effectiveDatabaseUri() {
        return databaseUri != null ? databaseUri : "jdbc:sqlite:" + appDir.resolve("studio.db").toAbsolutePath();
    }

    /** Whether {@code host} names a loopback address. */
    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
