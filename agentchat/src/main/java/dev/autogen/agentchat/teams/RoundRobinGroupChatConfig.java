package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link RoundRobinGroupChat}, as Python's {@code RoundRobinGroupChatConfig}. */
@JsonPropertyOrder({"name", "description", "participants", "termination_condition", "max_turns", "emit_team_events"})
public record RoundRobinGroupChatConfig(@Nullable String name, @Nullable String description,
        List<ComponentModel> participants, @Nullable ComponentModel terminationCondition,
        @Nullable Integer maxTurns, @Nullable Boolean emitTeamEvents) {
    public RoundRobinGroupChatConfig {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    static RoundRobinGroupChatConfig of(BaseGroupChat team) {
        return new RoundRobinGroupChatConfig(team.name(), team.description(), TeamComponents.dumpParticipants(team),
                team.terminationCondition() == null ? null : team.terminationCondition().dumpComponent(),
                team.maxTurns(), team.emitTeamEvents());
    }
}
