package dev.autogen.core.exceptions;

/** The recipient cannot handle the message: no handler accepts its type, or the handler's match rejected it. */
public class CantHandleException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    public CantHandleException(String message) {
        super(message);
    }

    public CantHandleException(String message, Throwable cause) {
        super(message, cause);
    }
}
