package dev.autogen.core.tool_agent;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool call a {@link ToolAgent} could not complete; {@link #content()} is the error text for the
 * model. Subclasses say why.
 */
public class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String callId;
    private final String content;
    private final String name;

    public ToolException(String callId, String content, String name, @Nullable Throwable cause) {
        super(content, cause);
        this.callId = Objects.requireNonNull(callId, "callId");
        this.content = Objects.requireNonNull(content, "content");
        this.name = Objects.requireNonNull(name, "name");
    }

    public ToolException(String callId, String content, String name) {
        this(callId, content, name, null);
    }

    /** The id of the failed call. */
    public String callId() {
        return callId;
    }

    /** The error text for the model. */
    public String content() {
        return content;
    }

    /** The tool name called. */
    public String name() {
        return name;
    }
}
