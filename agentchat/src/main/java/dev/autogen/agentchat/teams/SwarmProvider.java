package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import java.util.ArrayList;
import java.util.List;

/** Loads and writes {@link Swarm} configs ({@code autogen_agentchat.teams.Swarm}). */
public final class SwarmProvider extends AbstractComponentProvider<Swarm, SwarmConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SwarmProvider() {
        super(Swarm.PROVIDER, ComponentTypes.TEAM, Swarm.class, SwarmConfig.class,
                "A group chat team that selects the next speaker based on handoff message only.");
    }

    @Override
    public Swarm fromConfig(SwarmConfig config, ComponentContext context) {
        List<Participant> loaded = TeamComponents.loadParticipants(config.participants(), context);
        List<ChatAgent> agents = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (!(loaded.get(i) instanceof ChatAgent agent)) {
                throw context.invalid("participants[" + i + "]", "'" + config.participants().get(i).provider()
                        + "' is a team; a Swarm's participants must be agents");
            }
            agents.add(agent);
        }
        var builder = Swarm.builder(agents)
                .terminationCondition(TeamComponents.loadTermination(config.terminationCondition(), context))
                .maxTurns(config.maxTurns())
                .emitTeamEvents(Boolean.TRUE.equals(config.emitTeamEvents()));
        if (config.name() != null) {
            builder.name(config.name());
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        return TeamComponents.build(context, builder, builder::build);
    }
}
