package dev.autogen.core.model_context;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import java.util.Arrays;
import java.util.List;

/**
 * A model client for context tests: one token per whitespace-separated word of text, one per
 * function call or function result; it cannot complete.
 */
final class WordCountingClient implements ChatCompletionClient, Component<WordCountingClient.Config> {
    static final String PROVIDER = "test.WordCountingClient";

    private final int contextWindow;

    WordCountingClient(int contextWindow) {
        this.contextWindow = contextWindow;
    }

    static int tokens(LLMMessage message) {
        return switch (message) {
            case SystemMessage s -> words(s.content());
            case UserMessage u -> words(u.content().toText());
            case AssistantMessage a -> a.content() instanceof ModelContent.FunctionCalls calls
                    ? calls.calls().size() : words(a.content().toString());
            case FunctionExecutionResultMessage f -> f.content().size();
        };
    }

    private static int words(String text) {
        return (int) Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).count();
    }

    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return messages.stream().mapToInt(WordCountingClient::tokens).sum() + tools.size();
    }

    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return contextWindow - countTokens(messages, tools);
    }

    @Override
    public CreateResult create(CreateRequest request) {
        throw new UnsupportedOperationException("counts tokens only");
    }

    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        throw new UnsupportedOperationException("counts tokens only");
    }

    @Override
    public RequestUsage actualUsage() {
        return RequestUsage.ZERO;
    }

    @Override
    public RequestUsage totalUsage() {
        return RequestUsage.ZERO;
    }

    @Override
    public ModelInfo modelInfo() {
        return ModelInfo.unknown();
    }

    @Override
    public void close() {
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return new Provider();
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public Config toConfig() {
        return new Config(contextWindow);
    }

    record Config(int contextWindow) {
    }

    static final class Provider extends AbstractComponentProvider<WordCountingClient, Config> {
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, WordCountingClient.class, Config.class);
        }

        @Override
        public WordCountingClient fromConfig(Config config, ComponentContext context) {
            return new WordCountingClient(config.contextWindow());
        }
    }
}
