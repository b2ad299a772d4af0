package dev.autogen.agentchat.teams;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;

/** Loads and writes {@link RoundRobinGroupChat} configs ({@code autogen_agentchat.teams.RoundRobinGroupChat}). */
public final class RoundRobinGroupChatProvider
        extends AbstractComponentProvider<RoundRobinGroupChat, RoundRobinGroupChatConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public RoundRobinGroupChatProvider() {
        super(RoundRobinGroupChat.PROVIDER, ComponentTypes.TEAM, RoundRobinGroupChat.class,
                RoundRobinGroupChatConfig.class, "A team that runs a group chat with participants taking turns in a "
                        + "round-robin fashion\n    to publish a message to all.");
    }

    @Override
    public RoundRobinGroupChat fromConfig(RoundRobinGroupChatConfig config, ComponentContext context) {
        var builder = RoundRobinGroupChat.builder(TeamComponents.loadParticipants(config.participants(), context))
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
