package dev.autogen.agentchat.agents;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;

/** Loads and writes {@link MessageFilterAgent} component configs ({@code autogen_agentchat.agents.MessageFilterAgent}). */
public final class MessageFilterAgentProvider
        extends AbstractComponentProvider<MessageFilterAgent, MessageFilterAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MessageFilterAgentProvider() {
        super(MessageFilterAgent.PROVIDER, ComponentTypes.AGENT, MessageFilterAgent.class,
                MessageFilterAgentConfig.class,
                "A wrapper agent that filters incoming messages before passing them to the inner agent.");
    }

    @Override
    public MessageFilterAgent fromConfig(MessageFilterAgentConfig config, ComponentContext context) {
        ChatAgent wrapped = context.load(config.wrappedAgent(), ChatAgent.class, "wrapped_agent");
        try {
            return new MessageFilterAgent(config.name(), wrapped, config.filter());
        } catch (IllegalArgumentException e) {
            throw context.invalid("name", e.getMessage());
        }
    }
}
