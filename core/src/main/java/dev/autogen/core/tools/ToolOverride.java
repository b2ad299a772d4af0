package dev.autogen.core.tools;

import org.jspecify.annotations.Nullable;

/**
 * A new name and/or description under which a {@link StaticWorkbench} shows a tool to the model,
 * as Python's {@code ToolOverride}.
 *
 * @param name the name to show; null to keep the tool's own
 * @param description the description to show; null to keep the tool's own
 */
public record ToolOverride(@Nullable String name, @Nullable String description) {
    public ToolOverride {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("tool override name must not be blank");
        }
    }
}
