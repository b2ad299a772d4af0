package dev.autogen.ext.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A response body that stopped arriving: no byte for {@link #idleTimeout()}, or the attempt's whole
 * time ran out while its body was read. Retried like a dropped connection.
 */
public final class IdleTimeoutException extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    private final Duration idleTimeout;

    /** An exception for a body silent for {@code idleTimeout}, described by {@code message}. */
    public IdleTimeoutException(String message, Duration idleTimeout) {
        super(message);
        this.idleTimeout = idleTimeout;
    }

    /** How long the body was silent. */
    public Duration idleTimeout() {
        return idleTimeout;
    }
}
