package dev.autogen.core.exceptions;

/** Base of the errors raised by an agent runtime about message delivery and agent access. */
public class AgentRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentRuntimeException(String message) {
        super(message);
    }

    public AgentRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
