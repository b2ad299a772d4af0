package dev.autogen.agentchat.agents;

import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;

/** A model client forwarding to another, for tests that change one behaviour. */
class DelegatingClient implements ChatCompletionClient {
    private final ChatCompletionClient delegate;

    DelegatingClient(ChatCompletionClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public CreateResult create(CreateRequest request) {
        return delegate.create(request);
    }

    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        return delegate.createStream(request);
    }

    @Override
    public RequestUsage actualUsage() {
        return delegate.actualUsage();
    }

    @Override
    public RequestUsage totalUsage() {
        return delegate.totalUsage();
    }

    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return delegate.countTokens(messages, tools);
    }

    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return delegate.remainingTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return delegate.modelInfo();
    }

    @Override
    public ComponentModel dumpComponent() {
        return delegate.dumpComponent();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
