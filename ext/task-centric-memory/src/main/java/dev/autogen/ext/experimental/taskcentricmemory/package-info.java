/**
 * Task-centric memory (experimental), the counterpart of Python's
 * {@code autogen_ext.experimental.task_centric_memory} and its {@code utils}: start at
 * {@link dev.autogen.ext.experimental.taskcentricmemory.MemoryController}, which learns insights from
 * tasks, advice and demonstrations, keeps them in a {@link dev.autogen.ext.experimental.taskcentricmemory.MemoryBank}
 * and retrieves the ones relevant to a new task. {@link dev.autogen.ext.experimental.taskcentricmemory.Teachability}
 * gives an {@code AssistantAgent} that memory; {@link dev.autogen.ext.experimental.taskcentricmemory.Apprentice}
 * wraps memory and an agent as Python's sample code does.
 */
@NullMarked
package dev.autogen.ext.experimental.taskcentricmemory;

import org.jspecify.annotations.NullMarked;
