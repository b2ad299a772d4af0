package dev.autogen.agentchat.tools;

import dev.autogen.core.tools.annotation.ToolParam;
import java.util.Objects;

/**
 * The arguments of a {@link TaskRunnerTool}: the task, as Python's {@code TaskRunnerToolArgs}.
 *
 * @param task what the agent or team should do
 */
public record TaskRunnerToolArgs(@ToolParam("The task to be executed.") String task) {
    public TaskRunnerToolArgs {
        Objects.requireNonNull(task, "task");
    }
}
