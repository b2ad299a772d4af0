package dev.autogen.core.tools;

import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link StaticWorkbench} or {@link StaticStreamWorkbench}, as Python
 * writes it: {@code {"tools": [<tool components>], "tool_overrides": {"<name>": {"name", "description"}}}}.
 *
 * @param tools the tools' component models; null or absent for none
 * @param toolOverrides overrides keyed by original tool name; null or absent for none
 */
public record StaticWorkbenchConfig(@Nullable List<ComponentModel> tools, @Nullable Map<String, ToolOverride> toolOverrides) {
    public StaticWorkbenchConfig {
        tools = tools == null ? List.of() : List.copyOf(tools);
        toolOverrides = toolOverrides == null ? Map.of() : Map.copyOf(toolOverrides);
    }
}
