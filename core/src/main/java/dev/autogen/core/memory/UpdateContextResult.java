package dev.autogen.core.memory;

import java.util.Objects;

/**
 * What {@link Memory#updateContext} added to a model context: {@code {"memories": {"results": [...]}}}.
 * Agents report these items in a {@code MemoryQueryEvent}.
 *
 * @param memories the items put into the context
 */
public record UpdateContextResult(MemoryQueryResult memories) {
    public UpdateContextResult {
        Objects.requireNonNull(memories, "memories");
    }
}
