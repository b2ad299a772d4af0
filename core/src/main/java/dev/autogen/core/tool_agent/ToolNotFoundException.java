package dev.autogen.core.tool_agent;

import org.jspecify.annotations.Nullable;

/** The called tool is not among the agent's tools. */
public class ToolNotFoundException extends ToolException {
    private static final long serialVersionUID = 1L;

    public ToolNotFoundException(String callId, String content, String name, @Nullable Throwable cause) {
        super(callId, content, name, cause);
    }
}
