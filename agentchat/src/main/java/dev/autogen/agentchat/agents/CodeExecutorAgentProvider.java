package dev.autogen.agentchat.agents;

import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;

/** Loads and writes {@link CodeExecutorAgent} component configs ({@code autogen_agentchat.agents.CodeExecutorAgent}). */
public final class CodeExecutorAgentProvider extends AbstractComponentProvider<CodeExecutorAgent, CodeExecutorAgentConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public CodeExecutorAgentProvider() {
        super(CodeExecutorAgent.PROVIDER, ComponentTypes.AGENT, CodeExecutorAgent.class, CodeExecutorAgentConfig.class,
                "(Experimental) An agent that generates and executes code snippets based on user instructions.");
    }

    @Override
    public CodeExecutorAgent fromConfig(CodeExecutorAgentConfig config, ComponentContext context) {
        var builder = CodeExecutorAgent.builder(config.name(),
                context.load(config.codeExecutor(), CodeExecutor.class, "code_executor"));
        if (config.modelClient() != null) {
            builder.modelClient(context.load(config.modelClient(), ChatCompletionClient.class, "model_client"));
        }
        if (config.modelContext() != null) {
            builder.modelContext(context.load(config.modelContext(), ChatCompletionContext.class, "model_context"));
        }
        if (config.description() != null) {
            builder.description(config.description());
        }
        builder.systemMessage(config.systemMessage());
        builder.modelClientStream(config.modelClientStream());
        if (config.sources() != null) {
            builder.sources(config.sources());
        }
        if (config.supportedLanguages() != null) {
            builder.supportedLanguages(config.supportedLanguages());
        }
        if (config.maxRetriesOnError() != null) {
            builder.maxRetriesOnError(config.maxRetriesOnError());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw context.invalid("", e.getMessage());
        }
    }
}
