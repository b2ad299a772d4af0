package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.AgentId;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every model call the interceptor reports has an end, with the trace the client recorded into. */
class ModelCallListenerInterceptorTest {
    private static final CreateRequest REQUEST = CreateRequest.of(List.of(new UserMessage("Hi", "user")));
    private static final CreateResult RESULT =
            new CreateResult(FinishReason.STOP, ModelContent.text("Hello there"), RequestUsage.ZERO, false, null, null);

    /** Records starts and ends with the provider and model the trace names at the end. */
    static final class Recorder implements RuntimeListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void modelCallStart(CreateRequest request, ModelCallTrace trace) {
            events.add("start");
        }

        @Override
        public void modelCallEnd(CreateRequest request, ModelCallTrace trace, @Nullable CreateResult result,
                @Nullable Throwable error) {
            events.add("end " + trace.provider().orElse("?") + "/" + trace.model().orElse("?") + " "
                    + (result != null ? "result" : error.getClass().getSimpleName()));
        }
    }

    /** A client that streams two chunks and a result, recording its provider and model. */
    private static final ChatCompletionInterceptors.Terminal TERMINAL = new ChatCompletionInterceptors.Terminal() {
        @Override
        public CreateResult create(CreateRequest request, ModelCallTrace trace) {
            trace.recordModel("acme", "acme-1");
            return RESULT;
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
            trace.recordModel("acme", "acme-1");
            Iterator<CreateStreamItem> items = List.<CreateStreamItem>of(
                    new ChatCompletionChunk("Hello"), new ChatCompletionChunk(" there"), RESULT).iterator();
            return ChatCompletionStream.fromIterator(items, () -> { });
        }
    };

    private static <T> T inRun(RuntimeListener listener, MessageHandlerContext.ThrowingSupplier<T> body) throws Exception {
        return MessageHandlerContext.callIn(new MessageHandlerContext.Frame(AgentId.of("agent"), null, listener), body);
    }

    @Test
    void aCallAndAStreamReadToItsResultEndOnceWithTheRecordedModel() throws Exception {
        var recorder = new Recorder();
        var interceptors = List.of(ModelCallListenerInterceptor.instance());

        inRun(recorder, () -> ChatCompletionInterceptors.create(interceptors, REQUEST, TERMINAL));
        inRun(recorder, () -> {
            try (var stream = ChatCompletionInterceptors.createStream(interceptors, REQUEST, TERMINAL)) {
                return stream.result();
            }
        });

        assertThat(recorder.events).containsExactly("start", "end acme/acme-1 result", "start", "end acme/acme-1 result");
    }

    @Test
    void aStreamClosedBeforeItsResultEndsAsCancelled() throws Exception {
        var recorder = new Recorder();

        inRun(recorder, () -> {
            try (var stream = ChatCompletionInterceptors.createStream(
                    List.of(ModelCallListenerInterceptor.instance()), REQUEST, TERMINAL)) {
                return stream.iterator().next();
            }
        });

        assertThat(recorder.events).containsExactly("start", "end acme/acme-1 CancellationException");
    }
}
