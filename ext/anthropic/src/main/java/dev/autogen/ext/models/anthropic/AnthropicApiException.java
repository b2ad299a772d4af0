package dev.autogen.ext.models.anthropic;

import org.jspecify.annotations.Nullable;

/**
 * A call to the Anthropic API failed: an error status (after the retries allowed by
 * {@code max_retries}), a timeout, a connection failure, or a response that could not be read.
 * The message names the request, the status and Anthropic's own error message.
 */
public final class AnthropicApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final @Nullable String errorType;

    AnthropicApiException(String message, int statusCode, @Nullable String errorType, @Nullable Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorType = errorType;
    }

    /** The HTTP status, or 0 when no response was received (timeout, connection failure). */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Anthropic's error type ({@code rate_limit_error}, {@code overloaded_error}, ...), {@code timeout}
     * or {@code connection_error}; null if unknown.
     */
    public @Nullable String errorType() {
        return errorType;
    }
}
