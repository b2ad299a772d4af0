package dev.autogen.core.component;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong with a component config, located by a JSON path such as
 * {@code team.config.participants[1].config.model_client}.
 *
 * @param path where the problem is, in dotted/indexed JSON path form
 * @param message what is wrong there and, where possible, how to fix it
 */
public record ComponentProblem(String path, String message) implements Serializable {
    public ComponentProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Renders as {@code path: message}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
