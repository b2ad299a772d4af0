package dev.autogen.core.memory;

import java.util.Map;

/**
 * A memory whose entries can be removed by their metadata, so that a document indexed again replaces
 * its old chunks instead of adding to them (Python's memories can only be cleared whole).
 *
 * <!-- java-context: DeletableMemory memory; -->
 * <pre>{@code
 * int removed = memory.deleteWhere(Map.of("source", "docs/guide.md"));
 * }</pre>
 */
public interface DeletableMemory extends Memory {
    /**
     * Removes every entry whose metadata has all of {@code metadata}'s keys with equal values.
     *
     * @return how many entries were removed
     * @throws IllegalArgumentException if {@code metadata} is empty (use {@link #clear()}) or has a value
     *     the memory cannot match
     */
    int deleteWhere(Map<String, ?> metadata);
}
