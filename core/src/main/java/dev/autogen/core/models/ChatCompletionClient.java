package dev.autogen.core.models;

import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;
import java.util.Optional;

/**
 * A client for a chat-completion model: the seam between agents and model providers (OpenAI,
 * Azure, Anthropic, Ollama, a scripted replay for tests). Implementations are thread-safe; calls
 * block, so make them from virtual threads.
 *
 * <!-- java-context: import dev.autogen.core.tools.Tool; List<LLMMessage> messages; List<Tool> tools;
 *      ChatCompletionClient newClient() { return null; } -->
 * <pre>{@code
 * try (ChatCompletionClient client = newClient()) {
 *     CreateResult r = client.create(List.of(new UserMessage("What is 2 + 2?", "user")));
 *     var request = CreateRequest.builder(messages).tools(tools).toolChoice(ToolChoice.REQUIRED).build();
 *     try (var stream = client.createStream(request)) {
 *         stream.forEach(item -> System.out.println(item));
 *         CreateResult last = stream.result();
 *     }
 * }
 * }</pre>
 */
public interface ChatCompletionClient extends AutoCloseable, ComponentBase {

    /**
     * Asks the model for one completion.
     *
     * @throws java.util.concurrent.CancellationException if the request's token is cancelled
     * @throws IllegalArgumentException if the request asks for something the model cannot do
     */
    CreateResult create(CreateRequest request);

    /** {@link #create(CreateRequest)} with only messages. */
    default CreateResult create(List<? extends LLMMessage> messages) {
        return create(CreateRequest.of(messages));
    }

    /**
     * Asks the model for one completion, streamed: text chunks, then the final {@link CreateResult}.
     * Close the stream (try-with-resources) to cancel early.
     */
    ChatCompletionStream createStream(CreateRequest request);

    /** {@link #createStream(CreateRequest)} with only messages. */
    default ChatCompletionStream createStream(List<? extends LLMMessage> messages) {
        return createStream(CreateRequest.of(messages));
    }

    /** Tokens used by the latest call. */
    RequestUsage actualUsage();

    /** Tokens used by all calls so far. */
    RequestUsage totalUsage();

    /** How many prompt tokens {@code messages} and {@code tools} would take. */
    int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools);

    /** {@link #countTokens(List, List)} without tools. */
    default int countTokens(List<? extends LLMMessage> messages) {
        return countTokens(messages, List.of());
    }

    /** How many tokens of the model's context window remain after {@code messages} and {@code tools}. */
    int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools);

    /** {@link #remainingTokens(List, List)} without tools. */
    default int remainingTokens(List<? extends LLMMessage> messages) {
        return remainingTokens(messages, List.of());
    }

    /** What the model can do. */
    ModelInfo modelInfo();

    /** The older capability view of {@link #modelInfo()}. */
    default ModelCapabilities capabilities() {
        return modelInfo().capabilities();
    }

    /**
     * Why this client cannot make a call as configured, such as a missing API key, in words that say
     * what to set; empty when it can try. Found without any network access, so a program can report it
     * before a run starts instead of at the first model call. A server that cannot be reached is not
     * found here: that shows at the first call.
     */
    default Optional<String> configurationProblem() {
        return Optional.empty();
    }

    /**
     * This client with {@code interceptors} around {@link #create} and {@link #createStream}: the first
     * sees each request first and each answer last. Every other method is this client's; closing the
     * result closes this client.
     *
     * <!-- java-context: ChatCompletionClient client;
     *      class AuditInterceptor implements ChatCompletionInterceptor {}
     *      ChatCompletionInterceptor cacheInterceptor; -->
     * <pre>{@code
     * ChatCompletionClient audited = client.withInterceptors(List.of(new AuditInterceptor(), cacheInterceptor));
     * }</pre>
     */
    default ChatCompletionClient withInterceptors(List<? extends ChatCompletionInterceptor> interceptors) {
        return new InterceptedChatCompletionClient(this, interceptors);
    }

    /** Releases connections and other resources; the client cannot be used afterwards. */
    @Override
    void close();
}
