/**
 * Knowledge an agent brings into its model context before each call, the counterpart of
 * {@code autogen_core.memory}. Start at {@link dev.autogen.core.memory.Memory}; items are
 * {@link dev.autogen.core.memory.MemoryContent}, and {@link dev.autogen.core.memory.ListMemory} is
 * the simple chronological implementation.
 */
@NullMarked
package dev.autogen.core.memory;

import org.jspecify.annotations.NullMarked;
