package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team whose participants speak in turn, in list order, each seeing every message. A new run
 * continues with the participant after the last speaker.
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.TextMentionTermination;
 *      import dev.autogen.agentchat.agents.AssistantAgent; import dev.autogen.agentchat.ui.Console;
 *      AssistantAgent primary; AssistantAgent critic; -->
 * <pre>{@code
 * var team = RoundRobinGroupChat.builder(List.of(primary, critic))
 *         .terminationCondition(new TextMentionTermination("APPROVE"))
 *         .build();
 * Console.print(team.runStream("Write a short poem about the fall season."));
 * }</pre>
 */
public class RoundRobinGroupChat extends BaseGroupChat implements Component<RoundRobinGroupChatConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.teams.RoundRobinGroupChat";
    /** The manager's name, its key in the team state. */
    public static final String MANAGER_NAME = "RoundRobinGroupChatManager";

    /** A team of {@code participants} stopping on {@code terminationCondition}. */
    public RoundRobinGroupChat(List<? extends Participant> participants, @Nullable TerminationCondition terminationCondition) {
        this(builder(participants).terminationCondition(terminationCondition));
    }

    protected RoundRobinGroupChat(Builder b) {
        super(b.name, b.description, b.participants, MANAGER_NAME, b.terminationCondition, b.maxTurns, b.runtime,
                b.customMessageTypes, b.emitTeamEvents, b.teamId);
    }

    /** Starts building a team of {@code participants} (agents or teams). */
    public static Builder builder(List<? extends Participant> participants) {
        return new Builder(participants);
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new RoundRobinGroupChatManager(wiring);
    }

    @Override
    public ComponentProvider<?, RoundRobinGroupChatConfig> componentProvider() {
        return new RoundRobinGroupChatProvider();
    }

    @Override
    public RoundRobinGroupChatConfig toConfig() {
        return RoundRobinGroupChatConfig.of(this);
    }

    /** Builds a {@link RoundRobinGroupChat}. */
    public static final class Builder extends BaseGroupChat.Builder<Builder> {
        Builder(List<? extends Participant> participants) {
            super(participants, "RoundRobinGroupChat");
        }

        public RoundRobinGroupChat build() {
            return new RoundRobinGroupChat(this);
        }
    }
}
