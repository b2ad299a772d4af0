package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why the model stopped generating; JSON values are Python's strings ({@code "stop"}, ...). */
public enum FinishReason {
    STOP("stop"),
    LENGTH("length"),
    FUNCTION_CALLS("function_calls"),
    CONTENT_FILTER("content_filter"),
    UNKNOWN("unknown");

    private final String value;

    FinishReason(String value) {
        this.value = value;
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * The reason for a wire value.
     *
     * @throws IllegalArgumentException for a value that is not one of Python's finish reasons
     */
    @JsonCreator
    public static FinishReason fromValue(String value) {
        for (FinishReason r : values()) {
            if (r.value.equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown finish_reason '" + value
                + "': expected stop, length, function_calls, content_filter or unknown");
    }
}
