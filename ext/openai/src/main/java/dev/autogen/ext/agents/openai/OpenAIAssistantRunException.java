package dev.autogen.ext.agents.openai;

import org.jspecify.annotations.Nullable;

/**
 * A run of an {@link OpenAIAssistantAgent} ended without completing: it failed (the server's
 * {@code last_error} is in the message), expired, was cancelled or ended incomplete.
 */
public final class OpenAIAssistantRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String status;
    private final @Nullable String errorCode;
    private final @Nullable String errorMessage;

    public OpenAIAssistantRunException(String message, String runId, String status, @Nullable String errorCode,
            @Nullable String errorMessage) {
        super(message);
        this.runId = runId;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /** The run's id. */
    public String runId() {
        return runId;
    }

    /** The run's final status: {@code failed}, {@code cancelled}, {@code expired} or {@code incomplete}. */
    public String status() {
        return status;
    }

    /** The run's {@code last_error.code}, e.g. {@code rate_limit_exceeded}; null if none. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** The run's {@code last_error.message}; null if none. */
    public @Nullable String errorMessage() {
        return errorMessage;
    }
}
