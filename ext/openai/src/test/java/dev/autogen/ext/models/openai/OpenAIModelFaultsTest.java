package dev.autogen.ext.models.openai;

import static dev.autogen.ext.models.openai.FakeOpenAIServer.chunk;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.completion;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.json;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sse;
import static dev.autogen.ext.models.openai.FakeOpenAIServer.sseCut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 21's model faults against a loopback server: a cut stream, a server that stalls after its
 * headers (streaming or not), runs of 429 and 500 answers and a malformed body each end in a clear
 * error naming the model and URL, after the configured retries, never a hang or an endless loop.
 * The timeouts are short and configured here; the JUnit timeout is only a safety net.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenAIModelFaultsTest {
    private static final List<LLMMessage> HELLO = List.of(new UserMessage("Hello?", "user"));
    private static final Duration IDLE = Duration.ofMillis(300);

    private FakeOpenAIServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAIServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A client for a server that answers: a generous idle timeout, so that a busy machine pausing between
     * two bytes is not taken for a stall.
     */
    private OpenAIChatCompletionClient.Builder client(int maxRetries) {
        return OpenAIChatCompletionClient.builder().model("gpt-4o").baseUrl(server.baseUrl()).apiKey("sk-test")
                .environment(name -> null).idleTimeout(Duration.ofSeconds(60)).maxRetries(maxRetries);
    }

    /** A client for a server that stalls for good: a short idle timeout, so the test ends soon. */
    private OpenAIChatCompletionClient.Builder stalling(int maxRetries) {
        return client(maxRetries).idleTimeout(IDLE);
    }

    @Test
    void aStreamCutBeforeAnyTextIsRetriedLikeADroppedConnection() {
        server.enqueue(sseCut(chunk("{\"role\": \"assistant\", \"content\": \"\"}", null)))
                .enqueue(sse(chunk("{\"content\": \"Hi.\"}", null), chunk("{}", "stop")));
        try (var client = client(1).build(); var stream = client.createStream(HELLO)) {
            List<CreateStreamItem> items = new ArrayList<>();
            stream.forEach(items::add);
            assertThat(items.getFirst()).isEqualTo(new ChatCompletionChunk("Hi."));
            assertThat(((CreateResult) items.getLast()).content()).isEqualTo(new ModelContent.Text("Hi."));
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aStreamCutAfterSomeTextIsAnErrorNotAFinishedAnswer() {
        server.enqueue(sseCut(chunk("{\"content\": \"Half an ans\"}", null)));
        try (var client = client(2).build(); var stream = client.createStream(HELLO)) {
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Half an ans"));
            assertThatThrownBy(items::hasNext).isInstanceOf(OpenAIException.class)
                    .hasMessage("the event stream of model 'gpt-4o' from " + server.baseUrl() + "/chat/completions"
                            + " broke off: the stream ended before the answer was complete (no end marker)");
        }
        assertThat(server.requests).as("text already reached the reader, so it is not sent again").hasSize(1);
    }

    @Test
    void aStreamThatKeepsBeingCutFailsAfterTheRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(sseCut());
        }
        try (var client = client(2).build(); var stream = client.createStream(HELLO)) {
            assertThatThrownBy(() -> stream.forEach(item -> { })).isInstanceOf(OpenAIException.class)
                    .hasMessage("model 'gpt-4o' at " + server.baseUrl() + "/chat/completions: the stream ended before"
                            + " the answer was complete (no end marker); the connection was cut. Check the server and"
                            + " its proxies (after 3 attempts)");
        }
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void aStreamWithAFinishReasonButNoDoneMarkerIsWhole() {
        server.enqueue(sseCut(chunk("{\"content\": \"Done.\"}", null), chunk("{}", "stop")));
        try (var client = client(0).build(); var stream = client.createStream(HELLO)) {
            assertThat(stream.result().content()).isEqualTo(new ModelContent.Text("Done."));
        }
    }

    @Test
    void aStreamThatStallsAfterItsHeadersTimesOutNamingModelAndUrl() {
        server.enqueue(server.stallAfterHeaders("text/event-stream", ""))
                .enqueue(server.stallAfterHeaders("text/event-stream", ""));
        try (var client = stalling(1).build(); var stream = client.createStream(HELLO)) {
            assertThatThrownBy(() -> stream.forEach(item -> { })).isInstanceOf(OpenAITimeoutException.class)
                    .hasMessage("model 'gpt-4o' at " + server.baseUrl() + "/chat/completions: no data arrived for 0.3 s"
                            + " (idle_timeout); the server stalled. Check that it is healthy, or raise the client's"
                            + " idle_timeout (now 0.3 s) if the model pauses longer (after 2 attempts)");
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aStreamThatStallsMidwayFailsWithTheIdleTimeout() {
        server.enqueue(server.stallAfterHeaders("text/event-stream", "data: " + chunk("{\"content\": \"Hel\"}", null)
                + "\n\n"));
        try (var client = stalling(2).build(); var stream = client.createStream(HELLO)) {
            Iterator<CreateStreamItem> items = stream.iterator();
            assertThat(items.next()).isEqualTo(new ChatCompletionChunk("Hel"));
            assertThatThrownBy(items::hasNext).isInstanceOf(OpenAIException.class)
                    .hasMessageEndingWith("broke off: no data arrived for 0.3 s (idle_timeout)");
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aNonStreamedAnswerThatStallsAfterItsHeadersTimesOut() {
        server.enqueue(server.stallAfterHeaders("application/json", "{\"id\": \"chatcmpl-1\", "))
                .enqueue(server.stallAfterHeaders("application/json", ""));
        try (var client = stalling(1).build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAITimeoutException.class)
                    .hasMessageStartingWith("model 'gpt-4o' at " + server.baseUrl() + "/chat/completions: no data"
                            + " arrived for 0.3 s (idle_timeout)")
                    .hasMessageEndingWith("(after 2 attempts)");
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aRunOf429sEndsInTheServersMessageAfterTheRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(429, "{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}",
                    "retry-after-ms", "10"));
        }
        try (var client = client(2).build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIApiException.class)
                    .hasMessage("OpenAI API request POST " + server.baseUrl() + "/chat/completions failed with HTTP 429"
                            + " after 3 attempts: Rate limit reached (type: requests, code: null)");
        }
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void aRunOf500sOnAStreamEndsInTheServersMessageAfterTheRetries() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(500, "{\"error\": {\"message\": \"overloaded\"}}", "retry-after-ms", "10"));
        }
        try (var client = client(1).build(); var stream = client.createStream(HELLO)) {
            assertThatThrownBy(() -> stream.forEach(item -> { })).isInstanceOf(OpenAIApiException.class)
                    .hasMessage("OpenAI API request POST " + server.baseUrl() + "/chat/completions failed with HTTP 500"
                            + " after 2 attempts: overloaded");
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aMalformedBodyIsReportedWithItsStartAndNotRetried() {
        server.enqueue(json(200, "<html>Bad gateway</html>"));
        try (var client = client(2).build()) {
            assertThatThrownBy(() -> client.create(HELLO)).isInstanceOf(OpenAIException.class)
                    .hasMessageStartingWith("the server at " + server.baseUrl() + "/chat/completions answered HTTP 200"
                            + " (content-type application/json) with malformed JSON")
                    .hasMessageEndingWith("the body starts with: <html>Bad gateway</html>");
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aTeamStopsOnAStreamThatKeepsBeingCutInsteadOfLooping() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(sseCut());
        }
        try (var client = client(1).build()) {
            var agent = AssistantAgent.builder("writer", client).modelClientStream(true).build();
            try (var team = RoundRobinGroupChat.builder(List.of(agent))
                    .terminationCondition(new TextMentionTermination("APPROVE")).build()) {
                assertThatThrownBy(() -> team.run("Write a poem.")).hasMessageContaining(
                        "model 'gpt-4o' at " + server.baseUrl() + "/chat/completions: the stream ended before the"
                                + " answer was complete");
            }
        }
        assertThat(server.requests).as("one call and its retry, then the team stops").hasSize(2);
    }

    @Test
    void theIdleTimeoutIsAConfigField() {
        var config = stalling(0).toConfig();
        assertThat(config.idleTimeout()).isEqualTo(0.3);
        try (var client = new OpenAIChatCompletionClient(config, name -> null)) {
            assertThat(client.idleTimeout()).isEqualTo(IDLE);
        }
        try (var client = OpenAIChatCompletionClient.builder().model("gpt-4o").apiKey("k").build()) {
            assertThat(client.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        }
    }
}
