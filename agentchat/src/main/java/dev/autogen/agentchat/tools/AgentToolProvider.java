package dev.autogen.agentchat.tools;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;

/** Loads and writes {@link AgentTool} component configs ({@code autogen_agentchat.tools.AgentTool}). */
public final class AgentToolProvider extends AbstractComponentProvider<AgentTool, AgentToolConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public AgentToolProvider() {
        super(AgentTool.PROVIDER, ComponentTypes.TOOL, AgentTool.class, AgentToolConfig.class,
                "Tool that can be used to run a task using an agent.");
    }

    @Override
    public AgentTool fromConfig(AgentToolConfig config, ComponentContext context) {
        return new AgentTool(context.load(config.agent(), ChatAgent.class, "agent"), config.returnValueAsLastMessage());
    }
}
