package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import java.util.ArrayList;
import java.util.List;

/** Loads and writes {@link GraphFlow} configs ({@code autogen_agentchat.teams.GraphFlow}). */
public final class GraphFlowProvider extends AbstractComponentProvider<GraphFlow, GraphFlowConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public GraphFlowProvider() {
        super(GraphFlow.PROVIDER, ComponentTypes.TEAM, GraphFlow.class, GraphFlowConfig.class,
                "A team that runs a group chat following a Directed Graph execution pattern.");
    }

    @Override
    public GraphFlow fromConfig(GraphFlowConfig config, ComponentContext context) {
        try {
            config.graph().validate();
        } catch (IllegalArgumentException e) {
            throw context.invalid("graph", e.getMessage());
        }
        List<Participant> loaded = TeamComponents.loadParticipants(config.participants(), context);
        List<ChatAgent> agents = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (!(loaded.get(i) instanceof ChatAgent agent)) {
                throw context.invalid("participants[" + i + "]", "GraphFlow participants must be agents, not teams");
            }
            agents.add(agent);
        }
        var builder = GraphFlow.builder(agents, config.graph())
                .terminationCondition(TeamComponents.loadTermination(config.terminationCondition(), context))
                .maxTurns(config.maxTurns());
        if (config.name() != null) {
            builder.name(config.name());
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        return TeamComponents.build(context, builder, builder::build);
    }
}
