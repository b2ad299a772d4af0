package dev.autogen.agentchat.agents;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;

/** Loads and writes {@link UserProxyAgent} component configs ({@code autogen_agentchat.agents.UserProxyAgent}). */
public final class UserProxyAgentProvider extends AbstractComponentProvider<UserProxyAgent, UserProxyAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UserProxyAgentProvider() {
        super(UserProxyAgent.PROVIDER, ComponentTypes.AGENT, UserProxyAgent.class, UserProxyAgentConfig.class,
                "An agent that can represent a human user through an input function.");
    }

    /**
     * A user proxy asking the {@link InputFunction} the loader was given
     * ({@code ComponentLoader.withAttribute(InputFunction.class, ...)}), else reading the console: a config
     * cannot carry an input function.
     */
    @Override
    public UserProxyAgent fromConfig(UserProxyAgentConfig config, ComponentContext context) {
        var builder = UserProxyAgent.builder(config.name());
        context.attribute(InputFunction.class).ifPresent(builder::inputFunction);
        if (config.description() != null) {
            builder.description(config.description());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw context.invalid("name", e.getMessage());
        }
    }
}
