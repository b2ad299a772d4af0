package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link Swarm}, as Python's {@code SwarmConfig}. */
@JsonPropertyOrder({"name", "description", "participants", "termination_condition", "max_turns", "emit_team_events"})
public record SwarmConfig(@Nullable String name, @Nullable String description, List<ComponentModel> participants,
        @Nullable ComponentModel terminationCondition, @Nullable Integer maxTurns, @Nullable Boolean emitTeamEvents) {
    public SwarmConfig {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    static SwarmConfig of(Swarm team) {
        return new SwarmConfig(team.name(), team.description(), TeamComponents.dumpParticipants(team),
                team.terminationCondition() == null ? null : team.terminationCondition().dumpComponent(),
                team.maxTurns(), team.emitTeamEvents());
    }
}
