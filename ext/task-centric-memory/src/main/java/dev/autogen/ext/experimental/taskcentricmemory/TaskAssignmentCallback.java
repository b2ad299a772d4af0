package dev.autogen.ext.experimental.taskcentricmemory;

import java.util.Objects;

/**
 * Hands a task (with any insights appended) to the caller's agent or team and returns its answer, as
 * the {@code task_assignment_callback} of Python's {@code MemoryController}.
 */
@FunctionalInterface
public interface TaskAssignmentCallback {
    /**
     * The agent's work on {@code task}.
     *
     * @throws RuntimeException if the agent fails; the memory controller passes it on
     */
    Outcome assign(String task);

    /**
     * What the agent produced.
     *
     * @param response the final answer
     * @param workHistory the work that led to it (the whole conversation, or the answer again), shown to
     *     the model when it learns from a failure
     */
    record Outcome(String response, String workHistory) {
        public Outcome {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(workHistory, "workHistory");
        }
    }
}
