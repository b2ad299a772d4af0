package dev.autogen.core.models;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The output of one function call, sent back to the model inside a
 * {@link FunctionExecutionResultMessage}.
 *
 * @param content the output (or error text)
 * @param name the name of the function that was called
 * @param callId the id of the {@link dev.autogen.core.FunctionCall} this answers; may be empty
 * @param isError whether the call failed; null when unknown (Python's default)
 */
public record FunctionExecutionResult(String content, String name, String callId, @Nullable Boolean isError) {
    public FunctionExecutionResult {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callId, "callId");
    }

    /** Whether {@link #isError()} is {@code true}. */
    public boolean failed() {
        return Boolean.TRUE.equals(isError);
    }
}
