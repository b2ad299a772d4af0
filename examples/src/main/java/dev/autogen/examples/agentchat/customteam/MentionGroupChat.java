package dev.autogen.examples.agentchat.customteam;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.agentchat.teams.BaseGroupChatManager;
import dev.autogen.agentchat.teams.TeamWiring;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team of one's own, written outside the library's package: whoever the last message mentions
 * ({@code @name}) speaks next; without a mention, the first participant does. Everything else (the
 * runtime, the containers, termination, state, streaming) comes from {@link BaseGroupChat}.
 */
public final class MentionGroupChat extends BaseGroupChat {
    /** The manager's name, its key in the team state. */
    public static final String MANAGER_NAME = "MentionGroupChatManager";

    /** A team of {@code participants} that stops on {@code termination} or after {@code maxTurns}. */
    public MentionGroupChat(List<? extends Participant> participants, @Nullable TerminationCondition termination,
            @Nullable Integer maxTurns) {
        super("MentionGroupChat", "A team where whoever is mentioned speaks next.", participants, MANAGER_NAME,
                termination, maxTurns, null, List.of(), true);
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new MentionGroupChatManager(wiring);
    }

    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("MentionGroupChat is an example team without a component provider");
    }
}
