package dev.autogen.agentchat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.BaseTool;
import dev.autogen.core.tools.StreamTool;
import dev.autogen.core.tools.ToolArgumentsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A tool that runs a task with an agent or a team (Python's {@code TaskRunnerTool}): the model passes
 * {@code {"task": "..."}}, the runner runs it (without echoing the task), and the model reads the result
 * as text. It is a {@link StreamTool}: run by an {@code AssistantAgent}, the runner's messages and events
 * stream into the caller's run as they happen.
 *
 * <p>The text is, by default, every chat message of the result except the user's, each as
 * {@code "<source>: <text>"}, joined by blank lines; with {@code returnValueAsLastMessage}, the last
 * message's text alone.
 *
 * <p>Subclass it for a kind of runner ({@link AgentTool}; a team tool likewise). Each call continues the
 * runner's conversation: runners are stateful and not safe for concurrent use, so do not let a model
 * call the same tool twice in parallel.
 */
public abstract class TaskRunnerTool extends BaseTool<TaskRunnerToolArgs, TaskResult> implements StreamTool {
    private final TaskRunner taskRunner;
    private final boolean returnValueAsLastMessage;

    /**
     * @param taskRunner the agent or team that runs the tasks
     * @param name the tool's name, as the model calls it
     * @param description what the tool does, for the model
     * @param returnValueAsLastMessage whether the model gets only the last message's text
     */
    protected TaskRunnerTool(TaskRunner taskRunner, String name, String description, boolean returnValueAsLastMessage) {
        super(TaskRunnerToolArgs.class, name, description);
        this.taskRunner = Objects.requireNonNull(taskRunner, "taskRunner");
        this.returnValueAsLastMessage = returnValueAsLastMessage;
    }

    /** The agent or team that runs the tasks. */
    public TaskRunner taskRunner() {
        return taskRunner;
    }

    /** Whether the model gets only the last message's text. */
    public boolean returnValueAsLastMessage() {
        return returnValueAsLastMessage;
    }

    private static RunOptions options(String task, CancellationToken token) {
        return RunOptions.task(task).withCancellationToken(token).withOutputTaskMessages(false);
    }

    /** Runs the task to the end. */
    @Override
    public TaskResult run(TaskRunnerToolArgs args, CancellationToken cancellationToken) {
        return taskRunner.run(options(args.task(), cancellationToken));
    }

    /**
     * Runs the task, handing each message and event of the run to {@code emit}.
     *
     * @throws ToolArgumentsException if {@code args} has no string {@code task}
     */
    @Override
    public TaskResult runJsonStream(JsonNode args, CancellationToken cancellationToken, @Nullable String callId,
            Consumer<Object> emit) {
        String task = taskOf(args);
        CancellationToken token = new CancellationToken();
        try (var link = cancellationToken.onCancel(token::cancel);
                MessageStream<TaskResult> stream = taskRunner.runStream(options(task, token))) {
            for (BaseMessage message : stream) {
                emit.accept(message);
            }
            return stream.result();
        }
    }

    private String taskOf(JsonNode args) {
        JsonNode task = args == null ? null : args.get("task");
        if (task == null || task.isNull()) {
            throw new ToolArgumentsException("tool '" + name() + "': missing required argument 'task'");
        }
        if (!task.isTextual()) {
            throw new ToolArgumentsException("tool '" + name() + "': argument 'task' must be a string, got " + task);
        }
        return task.textValue();
    }

    /**
     * The result as text for the model.
     *
     * @throws IllegalArgumentException with {@code returnValueAsLastMessage}, if the last message is not a
     *     chat message (or there is none)
     */
    @Override
    public String returnValueAsString(@Nullable Object value) {
        if (!(value instanceof TaskResult result)) {
            return super.returnValueAsString(value);
        }
        List<BaseMessage> messages = result.messages();
        if (returnValueAsLastMessage) {
            if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof BaseChatMessage last) {
                return last.toModelText();
            }
            throw new IllegalArgumentException("The last message is not a BaseChatMessage.");
        }
        List<String> parts = new ArrayList<>();
        for (BaseMessage message : messages) {
            if (message instanceof BaseChatMessage chat && !chat.source().equals("user")) {
                parts.add(chat.source() + ": " + chat.toModelText());
            }
        }
        return String.join("\n\n", parts);
    }

    /** The runner's state (an agent's or a team's). */
    @Override
    public Map<String, Object> saveStateJson() {
        return switch (taskRunner) {
            case ChatAgent agent -> agent.saveState();
            case Team team -> team.saveState();
            default -> Map.of();
        };
    }

    /** Restores the runner's state. */
    @Override
    public void loadStateJson(Map<String, Object> state) {
        switch (taskRunner) {
            case ChatAgent agent -> agent.loadState(state);
            case Team team -> team.loadState(state);
            default -> {
            }
        }
    }
}
