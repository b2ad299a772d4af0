package dev.autogen.ext.agents.magentic_one;

import dev.autogen.agentchat.agents.AssistantAgentConfig;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.ChatCompletionClient;

/**
 * Loads and writes {@link MagenticOneCoderAgent} configs: an {@code AssistantAgent} config whose prompts
 * are ignored on load, as Python's sealed agent does.
 */
public final class MagenticOneCoderAgentProvider
        extends AbstractComponentProvider<MagenticOneCoderAgent, AssistantAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MagenticOneCoderAgentProvider() {
        super(MagenticOneCoderAgent.PROVIDER, ComponentTypes.AGENT, MagenticOneCoderAgent.class,
                AssistantAgentConfig.class, MagenticOneCoderAgent.DESCRIPTION);
        withComponentVersion(2);
    }

    @Override
    public MagenticOneCoderAgent fromConfig(AssistantAgentConfig config, ComponentContext context) {
        try {
            return new MagenticOneCoderAgent(config.name(),
                    context.load(config.modelClient(), ChatCompletionClient.class, "model_client"));
        } catch (IllegalArgumentException e) {
            throw context.invalid("name", e.getMessage());
        }
    }
}
