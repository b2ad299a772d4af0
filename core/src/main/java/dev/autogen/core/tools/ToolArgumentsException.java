package dev.autogen.core.tools;

/**
 * The arguments of a tool call were malformed JSON or did not match the tool's schema (a missing
 * required argument, a wrong type). The message names the tool and the argument.
 */
public class ToolArgumentsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ToolArgumentsException(String message) {
        super(message);
    }

    public ToolArgumentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
