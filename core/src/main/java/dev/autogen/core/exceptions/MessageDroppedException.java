package dev.autogen.core.exceptions;

/** An intervention handler dropped the message (or the response) before it reached its destination. */
public class MessageDroppedException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    public MessageDroppedException(String message) {
        super(message);
    }

    public MessageDroppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
