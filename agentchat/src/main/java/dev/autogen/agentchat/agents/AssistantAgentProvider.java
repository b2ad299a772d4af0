package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.Workbench;

/** Loads and writes {@link AssistantAgent} component configs ({@code autogen_agentchat.agents.AssistantAgent}). */
public final class AssistantAgentProvider extends AbstractComponentProvider<AssistantAgent, AssistantAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public AssistantAgentProvider() {
        super(AssistantAgent.PROVIDER, ComponentTypes.AGENT, AssistantAgent.class, AssistantAgentConfig.class,
                AssistantAgent.DEFAULT_DESCRIPTION);
        withComponentVersion(2);
    }

    /** Version 1 configs carry {@code tools} instead of {@code workbench}; both are read as they are. */
    @Override
    public ObjectNode upgradeConfig(ObjectNode config, int fromVersion) {
        return config;
    }

    @Override
    public AssistantAgent fromConfig(AssistantAgentConfig config, ComponentContext context) {
        var builder = AssistantAgent.builder(config.name(),
                context.load(config.modelClient(), ChatCompletionClient.class, "model_client"));
        if (config.tools() != null) {
            builder.tools(context.loadAll(config.tools(), Tool.class));
        }
        if (config.workbench() != null) {
            builder.workbench(context.loadAll(config.workbench(), Workbench.class));
        }
        if (config.handoffs() != null) {
            builder.handoffs(config.handoffs());
        }
        if (config.modelContext() != null) {
            builder.modelContext(context.load(config.modelContext(), ChatCompletionContext.class, "model_context"));
        }
        if (config.memory() != null) {
            builder.memory(context.loadAll(config.memory(), Memory.class));
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        builder.systemMessage(config.systemMessage());
        if (config.modelClientStream() != null) {
            builder.modelClientStream(config.modelClientStream());
        }
        if (config.reflectOnToolUse() != null) {
            builder.reflectOnToolUse(config.reflectOnToolUse());
        }
        if (config.toolCallSummaryFormat() != null) {
            builder.toolCallSummaryFormat(config.toolCallSummaryFormat());
        }
        if (config.maxToolIterations() != null) {
            builder.maxToolIterations(config.maxToolIterations());
        }
        if (config.metadata() != null) {
            builder.metadata(config.metadata());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw context.invalid("name", e.getMessage());
        }
    }
}
