package dev.autogen.core.models;

import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatCompletionClient} that runs {@link #create} and {@link #createStream} through
 * interceptors before reaching {@code delegate}; every other method (usage, token counting, model
 * info, the component config, {@code close}) is the delegate's. Made by
 * {@link ChatCompletionClient#withInterceptors(List)}. Thread-safe when the delegate and the
 * interceptors are.
 */
public final class InterceptedChatCompletionClient implements ChatCompletionClient {
    private final ChatCompletionClient delegate;
    private final List<ChatCompletionInterceptor> interceptors;
    private final ChatCompletionInterceptors.Terminal terminal;

    /** Wraps {@code delegate}; the first of {@code interceptors} sees each request first. */
    public InterceptedChatCompletionClient(ChatCompletionClient delegate,
            List<? extends ChatCompletionInterceptor> interceptors) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interceptors = List.copyOf(interceptors);
        this.terminal = ChatCompletionInterceptors.terminal(delegate);
    }

    /** The wrapped client. */
    public ChatCompletionClient delegate() {
        return delegate;
    }

    /** The interceptors, in the order they run. */
    public List<ChatCompletionInterceptor> interceptors() {
        return interceptors;
    }

    @Override
    public CreateResult create(CreateRequest request) {
        return ChatCompletionInterceptors.create(interceptors, request, terminal);
    }

    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        return ChatCompletionInterceptors.createStream(interceptors, request, terminal);
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
    public ModelCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Optional<String> configurationProblem() {
        return delegate.configurationProblem();
    }

    /** The delegate's config: interceptors are code, not configuration. */
    @Override
    public ComponentModel dumpComponent() {
        return delegate.dumpComponent();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "InterceptedChatCompletionClient[" + delegate + ", " + interceptors.size() + " interceptors]";
    }
}
