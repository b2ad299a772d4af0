package dev.autogen.agentchat.tools;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;

/**
 * A tool that hands a task to an agent (Python's {@code AgentTool}): named and described as the agent,
 * so a model can delegate to it like to any tool. The agent's events stream into the calling agent's run.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.agentchat.agents.AssistantAgent; ChatCompletionClient modelClient; -->
 * <pre>{@code
 * var writer = AssistantAgent.builder("writer", modelClient)
 *         .description("A writer agent for generating text.")
 *         .systemMessage("Write well.")
 *         .build();
 * var assistant = AssistantAgent.builder("assistant", modelClient)
 *         .tools(new AgentTool(writer))
 *         .systemMessage("You are a helpful assistant.")
 *         .build();
 * assistant.run("Write a poem about the sea.");
 * }</pre>
 *
 * <p>The agent keeps its conversation between calls; it is not reset.
 */
public class AgentTool extends TaskRunnerTool implements Component<AgentToolConfig> {
    /** The Python provider name of this component. */
    public static final String PROVIDER = "autogen_agentchat.tools.AgentTool";

    private final ChatAgent agent;

    /** A tool returning every message of the agent's run to the model. */
    public AgentTool(ChatAgent agent) {
        this(agent, false);
    }

    /**
     * @param agent the agent that runs the tasks
     * @param returnValueAsLastMessage whether the model gets only the last message's text instead of
     *     every message as {@code "<source>: <text>"}
     */
    public AgentTool(ChatAgent agent, boolean returnValueAsLastMessage) {
        super(agent, agent.name(), agent.description(), returnValueAsLastMessage);
        this.agent = agent;
    }

    /** The agent. */
    public ChatAgent agent() {
        return agent;
    }

    @Override
    public ComponentProvider<?, AgentToolConfig> componentProvider() {
        return new AgentToolProvider();
    }

    /**
     * {@code {"provider": "autogen_agentchat.tools.AgentTool", "component_type": "tool", ...}}.
     *
     * @throws UnsupportedOperationException if the agent has no component config
     */
    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    /**
     * @throws UnsupportedOperationException if the agent has no component config
     */
    @Override
    public AgentToolConfig toConfig() {
        return new AgentToolConfig(agent.dumpComponent(), returnValueAsLastMessage());
    }
}
