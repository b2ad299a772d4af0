package dev.autogen.core.tool_agent;

import org.jspecify.annotations.Nullable;

/** The tool body threw. */
public class ToolExecutionException extends ToolException {
    private static final long serialVersionUID = 1L;

    public ToolExecutionException(String callId, String content, String name, @Nullable Throwable cause) {
        super(callId, content, name, cause);
    }
}
