package dev.autogen.ext.models.openai;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with an HTTP error status. {@link #getMessage()} holds the status and the
 * server's own error message (from OpenAI's {@code {"error": {"message", "type", "code"}}} body, or
 * the start of the body when it has another shape).
 */
public final class OpenAIApiException extends OpenAIException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final @Nullable String serverMessage;
    private final @Nullable String errorType;
    private final @Nullable String errorCode;

    public OpenAIApiException(String message, int statusCode, @Nullable String serverMessage, @Nullable String errorType,
            @Nullable String errorCode) {
        super(message);
        this.statusCode = statusCode;
        this.serverMessage = serverMessage;
        this.errorType = errorType;
        this.errorCode = errorCode;
    }

    /** The HTTP status, e.g. 401 or 429. */
    public int statusCode() {
        return statusCode;
    }

    /** The server's error message, or the start of the body; null for an empty body. */
    public @Nullable String serverMessage() {
        return serverMessage;
    }

    /** OpenAI's {@code error.type}, e.g. {@code invalid_request_error}; null if absent. */
    public @Nullable String errorType() {
        return errorType;
    }

    /** OpenAI's {@code error.code}, e.g. {@code invalid_api_key}; null if absent. */
    public @Nullable String errorCode() {
        return errorCode;
    }
}
