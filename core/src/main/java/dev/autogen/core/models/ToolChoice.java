package dev.autogen.core.models;

import java.util.Objects;

/**
 * Whether and which tool the model must call: {@link #AUTO} (the model decides, the default),
 * {@link #REQUIRED} (it must call some tool), {@link #NONE} (it must not), or {@link #tool(String)}
 * (it must call that one).
 */
public sealed interface ToolChoice permits ToolChoice.Mode, ToolChoice.Named {
    /** The model decides. */
    ToolChoice AUTO = new Mode("auto");
    /** The model must call at least one tool. */
    ToolChoice REQUIRED = new Mode("required");
    /** The model must not call tools. */
    ToolChoice NONE = new Mode("none");

    /** The model must call the tool with this name, which must be among the request's tools. */
    static ToolChoice tool(String name) {
        return new Named(name);
    }

    /** One of Python's string modes: {@code auto}, {@code required}, {@code none}. */
    record Mode(String value) implements ToolChoice {
        public Mode {
            if (!value.equals("auto") && !value.equals("required") && !value.equals("none")) {
                throw new IllegalArgumentException("invalid tool_choice '" + value
                        + "': use auto, required, none or ToolChoice.tool(name)");
            }
        }
    }

    /** A specific tool, by name. */
    record Named(String name) implements ToolChoice {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }
}
