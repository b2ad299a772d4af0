package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.Team;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;

/** Loads and writes {@link SocietyOfMindAgent} configs ({@code autogen_agentchat.agents.SocietyOfMindAgent}). */
public final class SocietyOfMindAgentProvider
        extends AbstractComponentProvider<SocietyOfMindAgent, SocietyOfMindAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SocietyOfMindAgentProvider() {
        super(SocietyOfMindAgent.PROVIDER, ComponentTypes.AGENT, SocietyOfMindAgent.class,
                SocietyOfMindAgentConfig.class, SocietyOfMindAgent.DEFAULT_DESCRIPTION);
    }

    @Override
    public SocietyOfMindAgent fromConfig(SocietyOfMindAgentConfig config, ComponentContext context) {
        var builder = SocietyOfMindAgent.builder(config.name(), context.load(config.team(), Team.class, "team"),
                context.load(config.modelClient(), ChatCompletionClient.class, "model_client"));
        if (config.description() != null && !config.description().isEmpty()) {
            builder.description(config.description());
        }
        if (config.instruction() != null && !config.instruction().isEmpty()) {
            builder.instruction(config.instruction());
        }
        if (config.responsePrompt() != null && !config.responsePrompt().isEmpty()) {
            builder.responsePrompt(config.responsePrompt());
        }
        if (config.modelContext() != null) {
            builder.modelContext(context.load(config.modelContext(), ChatCompletionContext.class, "model_context"));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw context.invalid("name", e.getMessage());
        }
    }
}
