package dev.autogen.ext.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.ChatCompletionInterceptors;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UsageTracker;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The create / createStream skeleton every HTTP model client shares: run the interceptors, let the
 * {@link ChatProtocol} build the call, send it through the {@link HttpTransport} (retries,
 * cancellation, error decoding), read the answer or the stream with the protocol, and record usage.
 * A client holds one pipeline and delegates {@code create}, {@code createStream},
 * {@code actualUsage} and {@code totalUsage} to it. Thread-safe.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; -->
 * <pre>{@code
 * abstract class MyClient implements ChatCompletionClient {
 *     private final ChatCompletionPipeline pipeline;
 *
 *     MyClient(HttpTransport transport, ChatProtocol myProtocol) {
 *         this.pipeline = new ChatCompletionPipeline(transport, myProtocol,
 *                 ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
 *     }
 *
 *     public CreateResult create(CreateRequest request) { return pipeline.create(request); }
 * }
 * }</pre>
 */
public final class ChatCompletionPipeline implements AutoCloseable {
    /** What a pipeline runs unless told otherwise: {@link ChatCompletionInterceptors#DEFAULTS}. */
    public static final List<ChatCompletionInterceptor> DEFAULT_INTERCEPTORS = ChatCompletionInterceptors.DEFAULTS;

    private final HttpTransport transport;
    private final ChatProtocol protocol;
    private final List<ChatCompletionInterceptor> interceptors;
    private final UsageTracker usage = new UsageTracker();
    private final ChatCompletionInterceptors.Terminal terminal = new ChatCompletionInterceptors.Terminal() {
        @Override
        public CreateResult create(CreateRequest request, ModelCallTrace trace) {
            return send(request, trace);
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
            return stream(request, trace);
        }
    };

    /** A pipeline sending through {@code transport}, speaking {@code protocol}, running {@code interceptors} in order. */
    public ChatCompletionPipeline(HttpTransport transport, ChatProtocol protocol,
            List<? extends ChatCompletionInterceptor> interceptors) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.interceptors = List.copyOf(interceptors);
    }

    /** The transport, for its settings. */
    public HttpTransport transport() {
        return transport;
    }

    /** One completion, through the interceptors. */
    public CreateResult create(CreateRequest request) {
        return ChatCompletionInterceptors.create(interceptors, request, terminal);
    }

    /** One streamed completion, through the interceptors. */
    public ChatCompletionStream createStream(CreateRequest request) {
        return ChatCompletionInterceptors.createStream(interceptors, request, terminal);
    }

    /** Tokens used by the latest call. */
    public RequestUsage actualUsage() {
        return usage.actual();
    }

    /** Tokens used by all calls so far. */
    public RequestUsage totalUsage() {
        return usage.total();
    }

    /** Notes the provider, the model and the wire messages of {@code call} in its trace. */
    private void record(ObjectNode call, ModelCallTrace trace) {
        JsonNode model = call.path("model");
        trace.recordModel(protocol.providerName(), model.isTextual() ? model.asText() : null);
        trace.recordRequestMessages(protocol.wireMessages(call));
    }

    private CreateResult send(CreateRequest request, ModelCallTrace trace) {
        CancellationToken token = request.cancellationTokenOrNew();
        token.throwIfCancelled();
        ObjectNode call = protocol.prepare(request, false);
        record(call, trace);
        HttpResponse<byte[]> response = transport.exchange(() -> protocol.httpRequest(call), protocol.responseWait(),
                token, (answer, body) -> new BufferedResponse(answer, body.readAllBytes()));
        token.throwIfCancelled();
        CreateResult result = protocol.parse(call, response, trace);
        usage.record(result.usage());
        return result;
    }

    /**
     * A streamed call. A body that breaks off, falls silent or ends before the provider's end marker is
     * sent again (as the retry policy allows) while no chunk has reached the reader; after that it fails
     * with the provider's {@link ChatProtocol#streamBroken} exception.
     */
    private ChatCompletionStream stream(CreateRequest request, ModelCallTrace trace) {
        CancellationToken token = request.cancellationTokenOrNew();
        token.throwIfCancelled();
        ObjectNode call = protocol.prepare(request, true);
        record(call, trace);
        return ChatCompletionStream.produce(token, emit -> {
            var emitted = new AtomicBoolean();
            Consumer<CreateStreamItem> tracked = item -> {
                emitted.set(true);
                emit.accept(item);
            };
            ChatProtocol.StreamDecoder decoder = transport.exchange(() -> protocol.httpRequest(call), null, token,
                    (response, body) -> {
                        ChatProtocol.StreamDecoder attempt = protocol.streamDecoder(call, tracked);
                        try {
                            readFrames(body, attempt);
                        } catch (IOException e) {
                            if (emitted.get() && !token.isCancelled() && !Thread.currentThread().isInterrupted()) {
                                throw protocol.streamBroken(call, e);
                            }
                            throw e;
                        }
                        return attempt;
                    });
            token.throwIfCancelled();
            CreateResult result = decoder.finish();
            usage.record(result.usage());
            emit.accept(result);
        });
    }

    private void readFrames(InputStream body, ChatProtocol.StreamDecoder decoder) throws IOException {
        StreamFraming.Reader frames = protocol.framing().reader(body);
        StreamFraming.Frame frame;
        while (!decoder.done() && (frame = frames.next()) != null) {
            decoder.accept(frame);
        }
        if (!decoder.complete()) {
            throw new IncompleteStreamException();
        }
    }

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }
}
