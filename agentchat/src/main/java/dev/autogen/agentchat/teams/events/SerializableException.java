package dev.autogen.agentchat.teams.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exception as data, so it can cross a process boundary: Python's {@code SerializableException}.
 * Within one JVM it also keeps the original exception ({@link #cause()}, never serialized), so a
 * team's caller sees the real stack trace.
 *
 * @param errorType the exception's type, e.g. {@code IllegalStateException} or Python's {@code ValueError}
 * @param errorMessage its message
 * @param traceback its stack trace as text, if known
 * @param cause the exception itself, when it was raised in this JVM
 */
@JsonPropertyOrder({"error_type", "error_message", "traceback"})
public record SerializableException(String errorType, String errorMessage, @Nullable String traceback,
        @JsonIgnore @Nullable Throwable cause) {
    public SerializableException {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    /** An exception read from JSON, without a local cause. */
    @JsonCreator
    public SerializableException(@JsonProperty("error_type") String errorType,
            @JsonProperty("error_message") String errorMessage, @JsonProperty("traceback") @Nullable String traceback) {
        this(errorType, errorMessage, traceback, null);
    }

    /** Captures {@code error}: its simple class name, its message and its stack trace. */
    public static SerializableException from(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String message = error.getMessage();
        return new SerializableException(error.getClass().getSimpleName(), message == null ? "" : message,
                trace.toString(), error);
    }

    /** {@code "type: message"}, as Python's {@code str()} without the traceback. */
    public String summary() {
        return errorType + ": " + errorMessage;
    }

    @Override
    public String toString() {
        return traceback == null ? summary() : summary() + "\nTraceback:\n" + traceback;
    }
}
