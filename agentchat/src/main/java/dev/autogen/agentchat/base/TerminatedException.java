package dev.autogen.agentchat.base;

/** Thrown when a termination condition that has already fired is called again without a reset. */
public class TerminatedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TerminatedException(String message) {
        super(message);
    }
}
