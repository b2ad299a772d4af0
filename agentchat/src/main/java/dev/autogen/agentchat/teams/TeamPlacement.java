package dev.autogen.agentchat.teams;

import dev.autogen.core.AgentRuntime;
import dev.autogen.core.component.ComponentLoader;
import java.util.Objects;
import java.util.Set;

/**
 * Where a team loaded from a config runs, which a config cannot say: the runtime, the team id, and
 * which participants other processes serve. Given to the loader; it applies to the team the load
 * begins with, not to teams nested in it:
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; String json; AgentRuntime worker; -->
 * <pre>{@code
 * Team team = ComponentLoader.defaultLoader()
 *         .withAttribute(TeamPlacement.class, new TeamPlacement(worker, "review", Set.of("critic")))
 *         .load(json, Team.class);
 * }</pre>
 *
 * A remote participant is not built here: it becomes a {@link RemoteParticipant} with the name and
 * description of its config.
 *
 * @param runtime the runtime the team runs on
 * @param teamId the team id that the processes serving its remote participants use
 * @param remoteParticipants the names of the participants other processes serve
 * @see ComponentLoader#withAttribute
 */
public record TeamPlacement(AgentRuntime runtime, String teamId, Set<String> remoteParticipants) {
    public TeamPlacement {
        Objects.requireNonNull(runtime, "runtime");
        TeamWiring.checkTeamId(Objects.requireNonNull(teamId, "teamId"));
        remoteParticipants = Set.copyOf(remoteParticipants);
    }
}
