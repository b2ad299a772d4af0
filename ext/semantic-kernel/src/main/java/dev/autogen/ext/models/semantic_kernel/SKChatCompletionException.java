package dev.autogen.ext.models.semantic_kernel;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** A failed Semantic Kernel model call, with the HTTP status when the service answered with one. */
public final class SKChatCompletionException extends RuntimeException {
    private final @Nullable Integer statusCode;

    public SKChatCompletionException(String message, @Nullable Integer statusCode, @Nullable Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status the model service answered with, if it answered. */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }
}
