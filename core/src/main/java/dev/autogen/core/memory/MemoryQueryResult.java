package dev.autogen.core.memory;

import java.util.List;

/**
 * What a {@link Memory#query} found: {@code {"results": [...]}}.
 *
 * @param results the matching items, most relevant first where the memory ranks them
 */
public record MemoryQueryResult(List<MemoryContent> results) {
    public MemoryQueryResult {
        results = List.copyOf(results);
    }
}
