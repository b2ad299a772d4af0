package dev.autogen.core.tool_agent;

import org.jspecify.annotations.Nullable;

/** The call's arguments were malformed JSON or did not match the tool's schema. */
public class InvalidToolArgumentsException extends ToolException {
    private static final long serialVersionUID = 1L;

    public InvalidToolArgumentsException(String callId, String content, String name, @Nullable Throwable cause) {
        super(callId, content, name, cause);
    }
}
