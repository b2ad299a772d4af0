package dev.autogen.agentchat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.tools.BaseTool;
import dev.autogen.core.tools.StreamTool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.annotation.ToolParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A tool that runs a team on a task (Python's {@code TeamTool}, a {@code TaskRunnerTool}): the model
 * calls it with {@code {"task": "..."}}, the team runs, and the model gets back either every message
 * of the run as {@code "source: text"} paragraphs (task messages from {@code "user"} left out), or with
 * {@code returnValueAsLastMessage} only the last message's text. As a {@link StreamTool} it hands the
 * team's messages out while the team runs.
 *
 * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.conditions.SourceMatchTermination;
 *      import dev.autogen.agentchat.agents.AssistantAgent; import dev.autogen.core.models.ChatCompletionClient;
 *      AssistantAgent writer; AssistantAgent reviewer; ChatCompletionClient modelClient; -->
 * <pre>{@code
 * var writingTeam = new RoundRobinGroupChat(List.of(writer, reviewer), new SourceMatchTermination("reviewer"));
 * var tool = new TeamTool(writingTeam, "writing_team", "A tool for writing tasks.", true);
 * var agent = AssistantAgent.builder("main_agent", modelClient).tools(tool).build();
 * }</pre>
 *
 * <p>A team runs one task at a time: let the calling model make one tool call at a time (for OpenAI,
 * {@code parallel_tool_calls=false}). The team keeps its conversation between calls, as Python's does.
 */
public class TeamTool extends BaseTool<TeamTool.Args, TaskResult> implements StreamTool, Component<TeamToolConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.tools.TeamTool";

    private final Team team;
    private final boolean returnValueAsLastMessage;

    /** The tool's argument: the task for the team. */
    public record Args(@ToolParam("The task to be executed.") String task) {
    }

    /** A tool returning every message of the run. */
    public TeamTool(Team team, String name, String description) {
        this(team, name, description, false);
    }

    /**
     * @param returnValueAsLastMessage return only the last message's text instead of the whole run
     */
    public TeamTool(Team team, String name, String description, boolean returnValueAsLastMessage) {
        super(Args.class, name, description);
        this.team = Objects.requireNonNull(team, "team");
        this.returnValueAsLastMessage = returnValueAsLastMessage;
    }

    /** The team the tool runs. */
    public Team team() {
        return team;
    }

    /** Whether the tool returns only the last message's text. */
    public boolean returnValueAsLastMessage() {
        return returnValueAsLastMessage;
    }

    @Override
    public TaskResult run(Args args, CancellationToken cancellationToken) {
        return team.run(RunOptions.task(args.task()).withCancellationToken(cancellationToken));
    }

    /** Runs the team, handing each message to {@code emit} as it is produced; returns the {@link TaskResult}. */
    @Override
    public @Nullable Object runJsonStream(JsonNode args, CancellationToken cancellationToken, @Nullable String callId,
            Consumer<Object> emit) {
        JsonNode task = args.get("task");
        if (task == null || !task.isTextual()) {
            throw new ToolArgumentsException("tool '" + name() + "': argument 'task' must be a string, got " + args);
        }
        try (MessageStream<TaskResult> stream = team.runStream(RunOptions.task(task.textValue())
                .withCancellationToken(cancellationToken))) {
            stream.forEach(emit);
            return stream.result();
        }
    }

    /**
     * The text for the model: the last message's text when {@code returnValueAsLastMessage}, otherwise
     * each chat message not from {@code "user"} as {@code "source: text"}, separated by blank lines.
     *
     * @throws IllegalArgumentException when only the last message is wanted and it is not a chat message
     */
    @Override
    public String returnValueAsString(@Nullable Object value) {
        if (!(value instanceof TaskResult result)) {
            return super.returnValueAsString(value);
        }
        if (returnValueAsLastMessage) {
            if (!result.messages().isEmpty() && result.messages().getLast() instanceof BaseChatMessage last) {
                return last.toModelText();
            }
            throw new IllegalArgumentException("The last message is not a BaseChatMessage.");
        }
        List<String> parts = new ArrayList<>();
        for (BaseMessage message : result.messages()) {
            if (message instanceof BaseChatMessage chat && !"user".equals(chat.source())) {
                parts.add(chat.source() + ": " + chat.toModelText());
            }
        }
        return String.join("\n\n", parts);
    }

    /** The team's state. */
    @Override
    public Map<String, Object> saveStateJson() {
        return team.saveState();
    }

    @Override
    public void loadStateJson(Map<String, Object> state) {
        team.loadState(state);
    }

    @Override
    public ComponentProvider<?, TeamToolConfig> componentProvider() {
        return new TeamToolProvider();
    }

    @Override
    public TeamToolConfig toConfig() {
        return new TeamToolConfig(name(), description(), team.dumpComponent(), returnValueAsLastMessage);
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }
}
