package dev.autogen.core.exceptions;

/** The message cannot be delivered: the recipient's type is not registered, or no agent could be created for it. */
public class UndeliverableException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    public UndeliverableException(String message) {
        super(message);
    }

    public UndeliverableException(String message, Throwable cause) {
        super(message, cause);
    }
}
