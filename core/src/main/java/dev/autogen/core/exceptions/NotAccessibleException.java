package dev.autogen.core.exceptions;

/** The agent exists but cannot be reached as a local instance, for example because it lives in another process. */
public class NotAccessibleException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAccessibleException(String message) {
        super(message);
    }

    public NotAccessibleException(String message, Throwable cause) {
        super(message, cause);
    }
}
