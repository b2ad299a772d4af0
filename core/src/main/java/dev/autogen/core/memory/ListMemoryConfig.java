package dev.autogen.core.memory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link ListMemory}: {@code {"name": "chat_history", "memory_contents": [...]}}.
 *
 * @param name the memory's name, or {@code null} for the default
 * @param memoryContents the stored items, oldest first
 */
public record ListMemoryConfig(@Nullable String name, @Nullable List<MemoryContent> memoryContents) {
    public ListMemoryConfig {
        memoryContents = memoryContents == null ? List.of() : List.copyOf(memoryContents);
    }
}
