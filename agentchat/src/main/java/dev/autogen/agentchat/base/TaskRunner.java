package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.List;

/**
 * Something that runs a task to a {@link TaskResult}: an agent or a team. {@link #run} blocks until
 * the result; {@link #runStream} lets you watch each message as it is produced.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.messages.BaseMessage; AssistantAgent agent; Team team; -->
 * <pre>{@code
 * TaskResult result = agent.run("What is the weather in Paris?");
 *
 * try (MessageStream<TaskResult> stream = team.runStream("Write a haiku.")) {
 *     for (BaseMessage message : stream) System.out.println(message.toText());
 *     System.out.println(stream.result().stopReason());
 * }
 * }</pre>
 */
public interface TaskRunner {
    /** Starts a run and returns its messages as they are produced, then its result. */
    MessageStream<TaskResult> runStream(RunOptions options);

    /** Runs to the end and returns the result. */
    default TaskResult run(RunOptions options) {
        try (MessageStream<TaskResult> stream = runStream(options)) {
            return stream.result();
        }
    }

    /** Runs a text task from {@code "user"}. */
    default TaskResult run(String task) {
        return run(RunOptions.task(task));
    }

    /** Runs a task given as chat messages. */
    default TaskResult run(BaseChatMessage... task) {
        return run(RunOptions.task(task));
    }

    /** Runs a task given as chat messages. */
    default TaskResult run(List<? extends BaseChatMessage> task) {
        return run(RunOptions.task(task));
    }

    /** Continues without a new task. */
    default TaskResult run() {
        return run(RunOptions.none());
    }

    /** Streams a text task from {@code "user"}. */
    default MessageStream<TaskResult> runStream(String task) {
        return runStream(RunOptions.task(task));
    }

    /** Streams a task given as chat messages. */
    default MessageStream<TaskResult> runStream(BaseChatMessage... task) {
        return runStream(RunOptions.task(task));
    }

    /** Streams a task given as chat messages. */
    default MessageStream<TaskResult> runStream(List<? extends BaseChatMessage> task) {
        return runStream(RunOptions.task(task));
    }

    /** Streams a continuation without a new task. */
    default MessageStream<TaskResult> runStream() {
        return runStream(RunOptions.none());
    }
}
