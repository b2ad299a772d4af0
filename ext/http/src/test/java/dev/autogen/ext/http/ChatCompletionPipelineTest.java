package dev.autogen.ext.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.testing.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChatCompletionPipelineTest {
    private static final CreateRequest HELLO = CreateRequest.of(List.of(new UserMessage("hello", "user")));

    /** A toy provider: the body is {"messages": [...]}, the answer {"text": ...}, a stream SSE events of text up to [END]. */
    private record EchoProtocol(String url) implements ChatProtocol {
        @Override
        public ObjectNode prepare(CreateRequest request, boolean stream) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray("messages").add("hello");
            body.put("stream", stream);
            return body;
        }

        @Override
        public HttpRequest httpRequest(ObjectNode body) {
            return HttpRequest.newBuilder(URI.create(url + "/chat"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }

        @Override
        public CreateResult parse(ObjectNode body, HttpResponse<byte[]> response, ModelCallTrace trace) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            trace.recordResponse(text);
            return CreateResult.ofText(text, new RequestUsage(2, 1));
        }

        @Override
        public StreamDecoder streamDecoder(ObjectNode body, Consumer<CreateStreamItem> emit) {
            var text = new StringBuilder();
            return new StreamDecoder() {
                private boolean end;

                @Override
                public void accept(StreamFraming.Frame frame) {
                    if (frame.data().equals("[END]")) {
                        end = true;
                        return;
                    }
                    text.append(frame.data());
                    emit.accept(new ChatCompletionChunk(frame.data()));
                }

                @Override
                public boolean done() {
                    return end;
                }

                @Override
                public CreateResult finish() {
                    return CreateResult.ofText(text.toString(), new RequestUsage(2, 2));
                }
            };
        }

        @Override
        public RuntimeException streamBroken(ObjectNode body, IOException cause) {
            return new IllegalStateException("broken", cause);
        }
    }

    private static ChatCompletionPipeline pipeline(LocalHttpServer server, List<ChatCompletionInterceptor> interceptors) {
        var transport = new HttpTransport(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryPolicy(1, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP),
                HttpErrorDecoder.DEFAULT, "echo call");
        return new ChatCompletionPipeline(transport, new EchoProtocol(server.url()), interceptors);
    }

    @Test
    void createSendsTheBodyRetriesAndRecordsUsageAndTheTrace() throws IOException {
        List<Object> traced = new CopyOnWriteArrayList<>();
        ChatCompletionInterceptor tracer = new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                CreateResult r = chain.proceed(chain.request());
                traced.add(chain.trace().requestMessages().orElseThrow().toString());
                traced.add(chain.trace().response().orElseThrow());
                return r;
            }
        };
        try (var server = new LocalHttpServer().thenJson(502, "{}", Map.of("retry-after-ms", "1"))
                .then(e -> LocalHttpServer.send(e, 200, "text/plain", "hi", Map.of()));
                var pipeline = pipeline(server, List.of(tracer))) {
            CreateResult result = pipeline.create(HELLO);
            pipeline.create(HELLO);

            assertThat(result.content()).isEqualTo(new ModelContent.Text("hi"));
            assertThat(server.requests()).hasSize(3);
            assertThat(server.lastRequest().json().path("stream").asBoolean()).isFalse();
            assertThat(pipeline.actualUsage()).isEqualTo(new RequestUsage(2, 1));
            assertThat(pipeline.totalUsage()).isEqualTo(new RequestUsage(4, 2));
            assertThat(traced).containsExactly("[\"hello\"]", "hi", "[\"hello\"]", "hi");
        }
    }

    @Test
    void createStreamReadsServerSentEventsThroughTheInterceptors() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        ChatCompletionInterceptor observer = new ChatCompletionInterceptor() {
            @Override
            public ChatCompletionStream interceptStream(Chain chain) {
                return chain.proceedStream(chain.request()).onEach(item -> seen.add(item.getClass().getSimpleName()));
            }
        };
        try (var server = new LocalHttpServer().then(e -> LocalHttpServer.send(e, 200, "text/event-stream",
                "data: Hel\n\n: a comment\n\ndata: lo\n\ndata: [END]\n\n", Map.of()));
                var pipeline = pipeline(server, List.of(observer))) {
            List<String> chunks = new ArrayList<>();
            CreateResult result;
            try (var stream = pipeline.createStream(HELLO)) {
                for (CreateStreamItem item : stream) {
                    if (item instanceof ChatCompletionChunk c) {
                        chunks.add(c.content());
                    }
                }
                result = stream.result();
            }

            assertThat(chunks).containsExactly("Hel", "lo");
            assertThat(result.content()).isEqualTo(new ModelContent.Text("Hello"));
            assertThat(seen).containsExactly("ChatCompletionChunk", "ChatCompletionChunk", "CreateResult");
            assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
            assertThat(pipeline.totalUsage()).isEqualTo(new RequestUsage(2, 2));
        }
    }

    @Test
    void aStreamCutBeforeItsEndMarkerIsRetriedWhileNothingReachedTheReader() throws IOException {
        try (var server = new LocalHttpServer()
                .then(e -> LocalHttpServer.send(e, 200, "text/event-stream", ": only a comment\n\n", Map.of()))
                .then(e -> LocalHttpServer.send(e, 200, "text/event-stream", "data: ok\n\ndata: [END]\n\n", Map.of()));
                var pipeline = pipeline(server, ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
                var stream = pipeline.createStream(HELLO)) {
            assertThat(stream.result().content()).isEqualTo(new ModelContent.Text("ok"));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aStreamCutAfterTextReachedTheReaderIsTheProvidersBrokenStreamError() throws IOException {
        try (var server = new LocalHttpServer().then(e -> LocalHttpServer.send(e, 200, "text/event-stream",
                "data: Hel\n\n", Map.of()));
                var pipeline = pipeline(server, ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
                var stream = pipeline.createStream(HELLO)) {
            assertThatThrownBy(stream::result).isInstanceOf(IllegalStateException.class).hasMessage("broken")
                    .hasCauseInstanceOf(IncompleteStreamException.class);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aBodyThatFallsSilentFailsWithTheIdleTimeoutAfterTheRetries() throws IOException {
        var release = new java.util.concurrent.CountDownLatch(1);
        LocalHttpServer.Responder stall = e -> {
            e.sendResponseHeaders(200, 0);
            e.getResponseBody().write("par".getBytes(StandardCharsets.UTF_8));
            e.getResponseBody().flush();
            release.await();
        };
        var transport = new HttpTransport(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryPolicy(1, RetryPolicy.SDK_MAX_RETRY_AFTER, RetryPolicy.LongRetryAfter.CAP),
                HttpErrorDecoder.DEFAULT, "echo call", java.time.Duration.ofMillis(200));
        try (var server = new LocalHttpServer().then(stall).then(stall);
                var pipeline = new ChatCompletionPipeline(transport, new EchoProtocol(server.url()), List.of())) {
            assertThatThrownBy(() -> pipeline.create(HELLO)).isInstanceOfSatisfying(HttpCallException.class, e -> {
                assertThat(e.getCause()).isInstanceOf(IdleTimeoutException.class);
                assertThat(e.getMessage()).isEqualTo(server.url() + "/chat failed: no data arrived for 0.2 s (idle_timeout)");
            });
            assertThat(server.requests()).hasSize(2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anErrorAnswerToAStreamReachesTheReaderAsTheDecodersException() throws IOException {
        try (var server = new LocalHttpServer().thenJson(401, "{\"error\": \"no key\"}");
                var pipeline = pipeline(server, ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
                var stream = pipeline.createStream(HELLO)) {
            assertThatThrownBy(stream::result).isInstanceOfSatisfying(HttpCallException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
            assertThat(pipeline.totalUsage()).isEqualTo(RequestUsage.ZERO);
        }
    }
}
