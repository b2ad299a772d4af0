package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatCompletionInterceptorTest {
    private static final List<LLMMessage> HELLO = List.of(new UserMessage("hello", "user"));

    /** Answers with the text of the last user message, and streams it word by word. */
    private static final class EchoClient implements ChatCompletionClient {
        final AtomicInteger calls = new AtomicInteger();
        final List<CreateRequest> seen = new CopyOnWriteArrayList<>();

        @Override
        public CreateResult create(CreateRequest request) {
            calls.incrementAndGet();
            seen.add(request);
            return CreateResult.ofText(text(request), new RequestUsage(3, 1));
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request) {
            calls.incrementAndGet();
            seen.add(request);
            List<CreateStreamItem> items = new ArrayList<>();
            for (String word : text(request).split(" ")) {
                items.add(new ChatCompletionChunk(word));
            }
            items.add(CreateResult.ofText(text(request), new RequestUsage(3, 2)));
            Iterator<CreateStreamItem> it = items.iterator();
            return ChatCompletionStream.fromIterator(it, () -> { });
        }

        private static String text(CreateRequest request) {
            UserMessage last = (UserMessage) request.messages().getLast();
            return ((UserContent.Text) last.content()).text();
        }

        @Override
        public RequestUsage actualUsage() {
            return new RequestUsage(7, 7);
        }

        @Override
        public RequestUsage totalUsage() {
            return new RequestUsage(70, 70);
        }

        @Override
        public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return 42;
        }

        @Override
        public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return 58;
        }

        @Override
        public ModelInfo modelInfo() {
            return ModelInfo.unknown();
        }

        @Override
        public ComponentModel dumpComponent() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private record Recording(String name, List<String> log) implements ChatCompletionInterceptor {
        @Override
        public CreateResult intercept(Chain chain) {
            log.add(name + " before");
            CreateResult result = chain.proceed(chain.request());
            log.add(name + " after");
            return result;
        }

        @Override
        public ChatCompletionStream interceptStream(Chain chain) {
            log.add(name + " stream");
            return chain.proceedStream(chain.request());
        }
    }

    @Test
    void interceptorsRunInListOrderAroundTheCall() {
        var client = new EchoClient();
        List<String> log = new CopyOnWriteArrayList<>();
        var wrapped = client.withInterceptors(List.of(new Recording("a", log), new Recording("b", log)));

        CreateResult result = wrapped.create(HELLO);

        assertThat(result.content()).isEqualTo(new ModelContent.Text("hello"));
        assertThat(log).containsExactly("a before", "b before", "b after", "a after");
        assertThat(client.calls).hasValue(1);
    }

    @Test
    void anInterceptorMayRewriteTheRequestAndTheResult() {
        var client = new EchoClient();
        ChatCompletionInterceptor shout = new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                var request = chain.request().toBuilder().build();
                var louder = new CreateRequest(List.of(new UserMessage("hi there", "user")), request.tools(),
                        request.toolChoice(), request.jsonOutput(), request.extraCreateArgs(),
                        request.cancellationToken());
                CreateResult r = chain.proceed(louder);
                return CreateResult.ofText(((ModelContent.Text) r.content()).text().toUpperCase(), r.usage());
            }
        };

        CreateResult result = client.withInterceptors(List.of(shout)).create(HELLO);

        assertThat(result.content()).isEqualTo(new ModelContent.Text("HI THERE"));
        assertThat(((UserContent.Text) ((UserMessage) client.seen.getFirst().messages().getFirst()).content()).text())
                .isEqualTo("hi there");
    }

    @Test
    void notProceedingShortCircuitsTheCall() {
        var client = new EchoClient();
        List<String> log = new CopyOnWriteArrayList<>();
        ChatCompletionInterceptor canned = new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                return CreateResult.ofText("from cache", RequestUsage.ZERO).withCached(true);
            }

            @Override
            public ChatCompletionStream interceptStream(Chain chain) {
                return ChatCompletionStream.fromIterator(
                        List.<CreateStreamItem>of(CreateResult.ofText("from cache", RequestUsage.ZERO)).iterator(),
                        () -> { });
            }
        };
        var wrapped = client.withInterceptors(List.of(new Recording("outer", log), canned, new Recording("inner", log)));

        assertThat(wrapped.create(HELLO).cached()).isTrue();
        try (var stream = wrapped.createStream(HELLO)) {
            assertThat(stream.result().content()).isEqualTo(new ModelContent.Text("from cache"));
        }

        assertThat(client.calls).hasValue(0);
        assertThat(log).containsExactly("outer before", "outer after", "outer stream");
    }

    @Test
    void streamingInterceptorsSeeEveryItemAsTheReaderPullsIt() {
        var client = new EchoClient();
        List<String> seen = new CopyOnWriteArrayList<>();
        ChatCompletionInterceptor observer = new ChatCompletionInterceptor() {
            @Override
            public ChatCompletionStream interceptStream(Chain chain) {
                return chain.proceedStream(chain.request()).onEach(item -> seen.add(switch (item) {
                    case ChatCompletionChunk c -> "chunk " + c.content();
                    case CreateResult r -> "result " + r.usage().completionTokens();
                }));
            }
        };
        var wrapped = client.withInterceptors(List.of(observer, LlmEventLoggingInterceptor.instance()));

        List<String> read = new ArrayList<>();
        try (var stream = wrapped.createStream(List.of(new UserMessage("one two", "user")))) {
            for (CreateStreamItem item : stream) {
                read.add(item instanceof ChatCompletionChunk c ? c.content() : "end");
                assertThat(seen).hasSize(read.size());
            }
        }

        assertThat(read).containsExactly("one", "two", "end");
        assertThat(seen).containsExactly("chunk one", "chunk two", "result 2");
    }

    @Test
    void theWrapperDelegatesEverythingButTheCalls() {
        var client = new EchoClient();
        var wrapped = client.withInterceptors(List.of(LlmEventLoggingInterceptor.instance()));

        assertThat(wrapped.create(HELLO).content()).isEqualTo(new ModelContent.Text("hello"));
        assertThat(wrapped.actualUsage()).isEqualTo(new RequestUsage(7, 7));
        assertThat(wrapped.totalUsage()).isEqualTo(new RequestUsage(70, 70));
        assertThat(wrapped.countTokens(HELLO)).isEqualTo(42);
        assertThat(wrapped.remainingTokens(HELLO)).isEqualTo(58);
        assertThat(wrapped.modelInfo()).isEqualTo(ModelInfo.unknown());
        assertThat(((InterceptedChatCompletionClient) wrapped).delegate()).isSameAs(client);
    }

    @Test
    void theTraceCarriesWhatTheTerminalRecorded() {
        List<Object> logged = new CopyOnWriteArrayList<>();
        ChatCompletionInterceptor reader = new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                CreateResult r = chain.proceed(chain.request());
                logged.add(chain.trace().requestMessages().orElse("none"));
                logged.add(chain.trace().response().orElse("none"));
                return r;
            }
        };
        var terminal = new ChatCompletionInterceptors.Terminal() {
            @Override
            public CreateResult create(CreateRequest request, ModelCallTrace trace) {
                trace.recordRequestMessages("wire messages");
                trace.recordResponse("raw response");
                return CreateResult.ofText("ok", RequestUsage.ZERO);
            }

            @Override
            public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
                throw new UnsupportedOperationException();
            }
        };

        ChatCompletionInterceptors.create(List.of(reader), CreateRequest.of(HELLO), terminal);

        assertThat(logged).containsExactly("wire messages", "raw response");
    }
}
