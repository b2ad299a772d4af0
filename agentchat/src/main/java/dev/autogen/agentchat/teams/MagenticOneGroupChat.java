package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.models.ChatCompletionClient;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A team run by the Magentic-One orchestrator: the orchestrator's model plans (a task ledger of facts and
 * a plan), then after every response decides from a progress ledger whether the request is satisfied, who
 * speaks next and what to tell them. When the team stalls {@code maxStalls} times it updates the facts
 * and the plan and starts over; when the request is satisfied, or after {@code maxTurns} rounds, it writes
 * a final answer. The orchestrator's messages come from {@code "MagenticOneOrchestrator"}.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.agentchat.agents.AssistantAgent; import dev.autogen.agentchat.ui.Console;
 *      ChatCompletionClient modelClient; AssistantAgent assistant; -->
 * <pre>{@code
 * var team = MagenticOneGroupChat.builder(List.of(assistant), modelClient).maxTurns(10).build();
 * Console.print(team.runStream("Provide a different proof for Fermat's Last Theorem"));
 * }</pre>
 *
 * <p>Participants must be agents, not teams. A termination condition is optional: without one the run
 * stops on the orchestrator's own judgement or the round limit.
 */
public class MagenticOneGroupChat extends BaseGroupChat implements Component<MagenticOneGroupChatConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.teams.MagenticOneGroupChat";
    /** The orchestrator's name: the source of its messages and its key in the team state. */
    public static final String MANAGER_NAME = "MagenticOneOrchestrator";
    /** The round limit unless another is given. */
    public static final int DEFAULT_MAX_TURNS = 20;
    /** The stalls in a row before re-planning, unless another number is given. */
    public static final int DEFAULT_MAX_STALLS = 3;

    private final ChatCompletionClient modelClient;
    private final int maxStalls;
    private final String finalAnswerPrompt;

    /** A team of {@code participants} orchestrated by {@code modelClient}, with the defaults. */
    public MagenticOneGroupChat(List<? extends ChatAgent> participants, ChatCompletionClient modelClient) {
        this(builder(participants, modelClient));
    }

    protected MagenticOneGroupChat(Builder b) {
        super(b.name, b.description, checkParticipants(b.participants), MANAGER_NAME, b.terminationCondition,
                b.maxTurns, b.runtime, b.customMessageTypes, b.emitTeamEvents, b.teamId);
        this.modelClient = b.modelClient;
        if (b.maxStalls < 1) {
            throw new IllegalArgumentException("team '" + b.name + "': max_stalls must be at least 1, got " + b.maxStalls);
        }
        this.maxStalls = b.maxStalls;
        this.finalAnswerPrompt = b.finalAnswerPrompt;
    }

    private static List<Participant> checkParticipants(List<Participant> participants) {
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("At least one participant is required for MagenticOneGroupChat.");
        }
        for (Participant participant : participants) {
            if (!(participant instanceof ChatAgent)) {
                throw new IllegalArgumentException("Participant '" + participant.name() + "' must be an agent; "
                        + "MagenticOneGroupChat does not take teams as participants");
            }
        }
        return participants;
    }

    /** Starts building a team of {@code participants} orchestrated by {@code modelClient}. */
    public static Builder builder(List<? extends ChatAgent> participants, ChatCompletionClient modelClient) {
        return new Builder(participants, modelClient);
    }

    /** The orchestrator's model client. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** The stalls in a row before the orchestrator re-plans. */
    public int maxStalls() {
        return maxStalls;
    }

    /** The prompt asking for the final answer. */
    public String finalAnswerPrompt() {
        return finalAnswerPrompt;
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new MagenticOneOrchestrator(wiring, modelClient, maxStalls, finalAnswerPrompt);
    }

    @Override
    public ComponentProvider<?, MagenticOneGroupChatConfig> componentProvider() {
        return new MagenticOneGroupChatProvider();
    }

    @Override
    public MagenticOneGroupChatConfig toConfig() {
        return new MagenticOneGroupChatConfig(name(), description(), TeamComponents.dumpParticipants(this),
                modelClient.dumpComponent(),
                terminationCondition() == null ? null : terminationCondition().dumpComponent(), maxTurns(), maxStalls,
                finalAnswerPrompt, emitTeamEvents());
    }

    /** Builds a {@link MagenticOneGroupChat}; {@code maxTurns} defaults to {@value #DEFAULT_MAX_TURNS}. */
    public static final class Builder extends BaseGroupChat.Builder<Builder> {
        private final ChatCompletionClient modelClient;
        private int maxStalls = DEFAULT_MAX_STALLS;
        private String finalAnswerPrompt = MagenticOnePrompts.ORCHESTRATOR_FINAL_ANSWER_PROMPT;

        Builder(List<? extends ChatAgent> participants, ChatCompletionClient modelClient) {
            super(participants, "MagenticOneGroupChat");
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
            maxTurns(DEFAULT_MAX_TURNS);
        }

        /** How many stalls in a row (no progress, or a loop) make the orchestrator re-plan. */
        public Builder maxStalls(int stalls) {
            this.maxStalls = stalls;
            return this;
        }

        /**
         * The prompt asking for the final answer from the transcript. The default has a <code>{task}</code>
         * placeholder; a custom prompt is sent as it is.
         */
        public Builder finalAnswerPrompt(String prompt) {
            this.finalAnswerPrompt = Objects.requireNonNull(prompt, "finalAnswerPrompt");
            return this;
        }

        public MagenticOneGroupChat build() {
            return new MagenticOneGroupChat(this);
        }
    }
}
