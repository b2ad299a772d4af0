package dev.autogen.core.component;

import java.util.Objects;

/**
 * A component loaded from a config was refused consent to start a process (see {@link ProcessGate}).
 * It is not a tool failure for the model to work around: tools and agents let it through, so the run
 * stops with this message.
 */
public class ConsentRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /** A refusal for the component at {@code path}; the message reads {@code path: reason}. */
    public ConsentRefusedException(String path, String reason) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(reason, "reason"));
        this.path = path;
    }

    /** The JSON path of the refused component. */
    public String path() {
        return path;
    }
}
