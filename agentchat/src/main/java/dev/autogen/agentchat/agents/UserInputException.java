package dev.autogen.agentchat.agents;

/**
 * A {@link UserProxyAgent} could not get its user's reply: the input function failed, returned
 * nothing, or the agent was handed off a conversation meant for another agent. The message starts
 * with Python's {@code "Failed to get user input: "}; the cause is the input function's exception.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public UserInputException(String message) {
        super(message);
    }
}
