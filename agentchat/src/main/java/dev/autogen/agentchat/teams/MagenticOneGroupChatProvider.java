package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.ChatCompletionClient;
import java.util.ArrayList;
import java.util.List;

/** Loads and writes {@link MagenticOneGroupChat} configs ({@code autogen_agentchat.teams.MagenticOneGroupChat}). */
public final class MagenticOneGroupChatProvider
        extends AbstractComponentProvider<MagenticOneGroupChat, MagenticOneGroupChatConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MagenticOneGroupChatProvider() {
        super(MagenticOneGroupChat.PROVIDER, ComponentTypes.TEAM, MagenticOneGroupChat.class,
                MagenticOneGroupChatConfig.class, "A team that runs a group chat with participants managed by the "
                        + "MagenticOneOrchestrator.");
    }

    @Override
    public MagenticOneGroupChat fromConfig(MagenticOneGroupChatConfig config, ComponentContext context) {
        List<Participant> loaded = TeamComponents.loadParticipants(config.participants(), context);
        List<ChatAgent> agents = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (!(loaded.get(i) instanceof ChatAgent agent)) {
                throw context.invalid("participants[" + i + "]", "MagenticOneGroupChat takes agents, not teams");
            }
            agents.add(agent);
        }
        var builder = MagenticOneGroupChat.builder(agents,
                        context.load(config.modelClient(), ChatCompletionClient.class, "model_client"))
                .terminationCondition(TeamComponents.loadTermination(config.terminationCondition(), context))
                .maxTurns(config.maxTurns())
                .emitTeamEvents(Boolean.TRUE.equals(config.emitTeamEvents()));
        if (config.maxStalls() != null) {
            builder.maxStalls(config.maxStalls());
        }
        if (config.finalAnswerPrompt() != null) {
            builder.finalAnswerPrompt(config.finalAnswerPrompt());
        }
        if (config.name() != null) {
            builder.name(config.name());
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        return TeamComponents.build(context, builder, builder::build);
    }
}
