package dev.autogen.core.models;

import java.util.List;
import java.util.Objects;

/**
 * Runs a call through a list of {@link ChatCompletionInterceptor}s and then a {@link Terminal}: the
 * engine behind {@link InterceptedChatCompletionClient} and the HTTP model clients.
 *
 * <!-- java-context: List<ChatCompletionInterceptor> interceptors; CreateRequest request;
 *      ChatCompletionInterceptors.Terminal terminal; -->
 * <pre>{@code
 * CreateResult r = ChatCompletionInterceptors.create(interceptors, request, terminal);
 * }</pre>
 */
public final class ChatCompletionInterceptors {
    /**
     * What a model client runs unless told otherwise: the LLM event log
     * ({@link LlmEventLoggingInterceptor}), then the run's listener ({@link ModelCallListenerInterceptor}).
     */
    public static final List<ChatCompletionInterceptor> DEFAULTS =
            List.of(LlmEventLoggingInterceptor.instance(), ModelCallListenerInterceptor.instance());

    private ChatCompletionInterceptors() {
    }

    /** The end of a chain: the call itself, given the trace it may record into. */
    public interface Terminal {
        /** Makes the call. */
        CreateResult create(CreateRequest request, ModelCallTrace trace);

        /** Makes the streamed call. */
        ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace);
    }

    /** A terminal that calls {@code client}, recording nothing. */
    public static Terminal terminal(ChatCompletionClient client) {
        Objects.requireNonNull(client, "client");
        return new Terminal() {
            @Override
            public CreateResult create(CreateRequest request, ModelCallTrace trace) {
                return client.create(request);
            }

            @Override
            public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
                return client.createStream(request);
            }
        };
    }

    /** Runs {@code request} through {@code interceptors}, in order, then {@code terminal}. */
    public static CreateResult create(List<? extends ChatCompletionInterceptor> interceptors, CreateRequest request,
            Terminal terminal) {
        return new Link(List.copyOf(interceptors), 0, request, terminal, new ModelCallTrace()).proceed(request);
    }

    /** The streaming counterpart of {@link #create}. */
    public static ChatCompletionStream createStream(List<? extends ChatCompletionInterceptor> interceptors,
            CreateRequest request, Terminal terminal) {
        return new Link(List.copyOf(interceptors), 0, request, terminal, new ModelCallTrace()).proceedStream(request);
    }

    private record Link(List<ChatCompletionInterceptor> interceptors, int index, CreateRequest request,
            Terminal terminal, ModelCallTrace trace) implements ChatCompletionInterceptor.Chain {

        @Override
        public CreateResult proceed(CreateRequest next) {
            Objects.requireNonNull(next, "request");
            if (index == interceptors.size()) {
                return terminal.create(next, trace);
            }
            return Objects.requireNonNull(interceptors.get(index).intercept(advance(next)),
                    () -> interceptors.get(index) + " returned no CreateResult");
        }

        @Override
        public ChatCompletionStream proceedStream(CreateRequest next) {
            Objects.requireNonNull(next, "request");
            if (index == interceptors.size()) {
                return terminal.createStream(next, trace);
            }
            return Objects.requireNonNull(interceptors.get(index).interceptStream(advance(next)),
                    () -> interceptors.get(index) + " returned no ChatCompletionStream");
        }

        private Link advance(CreateRequest next) {
            return new Link(interceptors, index + 1, next, terminal, trace);
        }
    }
}
