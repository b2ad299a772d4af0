package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team whose speaker changes only by handoff, as Python's {@code Swarm}: the first participant
 * speaks first, and whoever is named by the latest {@link HandoffMessage} speaks next; without a new
 * handoff the current speaker goes on. Participants are agents (no nested teams), and the first one
 * must be able to hand off.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.conditions.MaxMessageTermination; ChatCompletionClient modelClient; -->
 * <pre>{@code
 * var alice = AssistantAgent.builder("Alice", modelClient).handoffs("Bob")
 *         .systemMessage("You are Alice and you only answer questions about yourself.").build();
 * var bob = AssistantAgent.builder("Bob", modelClient)
 *         .systemMessage("You are Bob and your birthday is on 1st January.").build();
 * var team = new Swarm(List.of(alice, bob), new MaxMessageTermination(3));
 * team.run("What is bob's birthday?");
 * }</pre>
 *
 * <p>After a handoff to someone outside the team (e.g. a {@code HandoffTermination} on {@code "user"}),
 * resume with a task that is a {@link HandoffMessage} to a participant.
 */
public class Swarm extends BaseGroupChat implements Component<SwarmConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.teams.Swarm";
    /** The manager's name, its key in the team state. */
    public static final String MANAGER_NAME = "SwarmGroupChatManager";
    /** The team's name unless one is given. */
    public static final String DEFAULT_NAME = "Swarm";
    /** The team's description unless one is given. */
    public static final String DEFAULT_DESCRIPTION = "A team of agents.";

    /** A swarm of {@code participants} stopping on {@code terminationCondition}. */
    public Swarm(List<? extends ChatAgent> participants, @Nullable TerminationCondition terminationCondition) {
        this(builder(participants).terminationCondition(terminationCondition));
    }

    protected Swarm(Builder b) {
        super(b.name, b.description, b.participants, MANAGER_NAME, b.terminationCondition, b.maxTurns, b.runtime,
                b.customMessageTypes, b.emitTeamEvents, b.teamId);
        for (Participant participant : b.participants) {
            if (!(participant instanceof ChatAgent)) {
                throw new IllegalArgumentException("Participant '" + participant.name() + "' must be an agent: a Swarm '"
                        + b.name + "' cannot have a team as participant");
            }
        }
        ChatAgent first = (ChatAgent) b.participants.get(0);
        if (!(first instanceof RemoteParticipant) && !first.producedMessageTypes().contains(HandoffMessage.class)) {
            throw new IllegalArgumentException("The first participant must be able to produce a handoff messages: "
                    + "agent '" + first.name() + "' cannot hand off (give it handoffs)");
        }
    }

    /** Starts building a swarm of {@code participants}; the first speaks first. */
    public static Builder builder(List<? extends ChatAgent> participants) {
        return new Builder(participants);
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new SwarmGroupChatManager(wiring);
    }

    @Override
    public ComponentProvider<?, SwarmConfig> componentProvider() {
        return new SwarmProvider();
    }

    @Override
    public SwarmConfig toConfig() {
        return SwarmConfig.of(this);
    }

    /** Builds a {@link Swarm}. */
    public static final class Builder extends BaseGroupChat.Builder<Builder> {
        Builder(List<? extends Participant> participants) {
            super(participants, DEFAULT_NAME);
        }

        public Swarm build() {
            return new Swarm(this);
        }
    }
}
