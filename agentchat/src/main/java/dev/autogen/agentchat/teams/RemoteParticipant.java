package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TurnResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A team participant that another process serves: the team's manager speaks to its container through
 * the runtime (a {@code GrpcWorkerAgentRuntime}), exactly as to a local one, so the run gives the same
 * messages and the same state as in one process. The team is built with {@code of(name, description)}
 * in its place, a runtime and a team id; the process that hosts the agent calls {@link #serve} with the
 * same team id.
 *
 * <!-- java-context: import dev.autogen.core.AgentRuntime; import dev.autogen.agentchat.agents.AssistantAgent;
 *      AgentRuntime workerA; AssistantAgent writer; AgentRuntime workerB; AssistantAgent critic; -->
 * <pre>{@code
 * // the process that runs the team
 * var team = RoundRobinGroupChat.builder(List.of(writer, RemoteParticipant.of("critic", "Reviews drafts.")))
 *         .teamId("review").runtime(workerA).maxTurns(4).build();
 * // the process that hosts the critic
 * RemoteParticipant.serve(workerB, "review", critic);
 * }</pre>
 *
 * <p>The participant's messages travel as Python's group-chat protocol in JSON; custom message types
 * must be given on both sides. It is a {@link ChatAgent} so that teams of agents ({@code Swarm},
 * {@code GraphFlow}, {@code MagenticOneGroupChat}) take it; it only stands in for the agent, whose
 * methods run in the process that serves it.
 */
public final class RemoteParticipant implements ChatAgent {
    private final String name;
    private final String description;

    private RemoteParticipant(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Stands for the participant {@code name} in a team; {@code description} is what the selector and
     * the orchestrator read, so give the one the agent has.
     */
    public static RemoteParticipant of(String name, String description) {
        return new RemoteParticipant(name, description);
    }

    /**
     * Serves {@code participant} on {@code runtime} as a member of the team whose id is {@code teamId}:
     * registers its container and subscribes it to the team's topics. Call it before the team runs.
     *
     * @param customMessageTypes the custom message types of the team, so they can be read here
     */
    @SafeVarargs
    public static void serve(AgentRuntime runtime, String teamId, Participant participant,
            Class<? extends BaseMessage>... customMessageTypes) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(participant, "participant");
        if (participant instanceof RemoteParticipant) {
            throw new IllegalArgumentException("participant '" + participant.name() + "' is remote here too; serve the"
                    + " agent itself");
        }
        MessageFactory factory = new MessageFactory();
        List.of(customMessageTypes).forEach(factory::register);
        var wiring = new TeamWiring(TeamWiring.checkTeamId(teamId), "", List.of(participant.name()),
                List.of(participant.description()), null, null, false, factory, new OutputChannel(),
                Set.of(participant.name()));
        wiring.addSerializers(runtime);
        wiring.registerContainer(runtime, participant);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** Not known here: the agent that produces them is in another process. */
    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of();
    }

    /** @throws IllegalStateException always: the agent answers in the process that serves it */
    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        throw elsewhere();
    }

    /** @throws IllegalStateException always: the agent answers in the process that serves it */
    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        throw elsewhere();
    }

    /** @throws IllegalStateException always: the agent runs in the process that serves it */
    @Override
    public MessageStream<TaskResult> runStream(RunOptions options) {
        throw elsewhere();
    }

    /**
     * @throws IllegalStateException always: its config is in the process that serves it (a team loaded
     *     with a {@link TeamPlacement} dumps from the config it was loaded from)
     */
    @Override
    public ComponentModel dumpComponent() {
        throw new IllegalStateException("participant '" + name + "' is served by another process, which has its"
                + " config; dump the team where all its participants are built");
    }

    /** @throws IllegalStateException always: the participant speaks in the process that serves it */
    @Override
    public TurnResult speak(List<BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        throw elsewhere();
    }

    /** Nothing here: the team resets the served participant through the runtime. */
    @Override
    public void onReset(CancellationToken cancellationToken) {
    }

    /** Nothing here: the team pauses the served participant through the runtime. */
    @Override
    public void onPause(CancellationToken cancellationToken) {
    }

    /** Nothing here: the team resumes the served participant through the runtime. */
    @Override
    public void onResume(CancellationToken cancellationToken) {
    }

    /** @throws IllegalStateException always: the team saves the served participant's state through the runtime */
    @Override
    public Map<String, Object> saveState() {
        throw elsewhere();
    }

    /** @throws IllegalStateException always: the team loads the served participant's state through the runtime */
    @Override
    public void loadState(Map<String, ?> state) {
        throw elsewhere();
    }

    private IllegalStateException elsewhere() {
        return new IllegalStateException("participant '" + name + "' is served by another process; its team reaches it"
                + " through the runtime");
    }

    @Override
    public String toString() {
        return "RemoteParticipant[" + name + "]";
    }
}
