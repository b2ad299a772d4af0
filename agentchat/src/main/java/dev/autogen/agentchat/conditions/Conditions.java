package dev.autogen.agentchat.conditions;

import dev.autogen.agentchat.base.TerminatedException;
import java.util.List;
import java.util.Objects;

/** Helpers shared by the conditions of this package. */
final class Conditions {
    private Conditions() {
    }

    /** The exception for a condition called again after it fired, with Python's message. */
    static TerminatedException alreadyReached() {
        return new TerminatedException("Termination condition has already been reached");
    }

    static String requireNonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static List<String> copyNames(List<String> names, String what) {
        Objects.requireNonNull(names, what);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
        }
        return List.copyOf(names);
    }
}
