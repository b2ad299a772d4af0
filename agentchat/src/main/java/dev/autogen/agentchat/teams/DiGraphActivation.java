package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * When a {@link GraphFlow} node runs: after {@link #ALL} of its parents (in an activation group) have
 * spoken, or as soon as {@link #ANY} of them has. Written as Python's {@code "all"} / {@code "any"}.
 */
public enum DiGraphActivation {
    /** Wait for every parent edge of the group. */
    ALL,
    /** Run on the first parent edge of the group. */
    ANY;

    /** Python's literal, {@code "all"} or {@code "any"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code "all"} or {@code "any"} (any case).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    @JsonCreator
    public static DiGraphActivation of(String value) {
        for (DiGraphActivation activation : values()) {
            if (activation.value().equalsIgnoreCase(value)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("activation must be 'all' or 'any', got '" + value + "'");
    }
}
