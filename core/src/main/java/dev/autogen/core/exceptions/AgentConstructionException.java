package dev.autogen.core.exceptions;

/**
 * The runtime could not create an agent: its factory threw, or returned an agent of another class
 * than the one registered. The message that needed the agent fails with this error.
 */
public class AgentConstructionException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentConstructionException(String message) {
        super(message);
    }

    public AgentConstructionException(String message, Throwable cause) {
        super(message, cause);
    }
}
