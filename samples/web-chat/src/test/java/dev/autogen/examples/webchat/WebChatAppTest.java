package dev.autogen.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat on a loopback port, driven by a real HTTP client and a real WebSocket client. */
class WebChatAppTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ReplayChatCompletionClient> models = new ArrayList<>();
    private final List<WebChatApp> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(WebChatApp::close);
    }

    /** An app on a free port whose every request or round gets a fresh scripted model, kept for inspection. */
    private WebChatApp start() {
        WebChatApp app = WebChatApp.start(new WebChatApp.Config("127.0.0.1", 0, dir, () -> {
            ReplayChatCompletionClient model = new ReplayChatCompletionClient(
                    List.of("Reply " + (models.size() + 1), "Yoda reply " + (models.size() + 1)));
            models.add(model);
            return model;
        }));
        apps.add(app);
        return app;
    }

    private HttpResponse<String> post(WebChatApp app, String body, String contentType, String origin)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(app.url() + "/chat"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(WebChatApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String text) throws IOException {
        return AutogenJson.mapper().readTree(text);
    }

    @Test
    void theAgentAnswersAndRemembersTheChatAcrossRequestsAndRestarts() throws Exception {
        WebChatApp app = start();

        HttpResponse<String> first = post(app, "{\"content\": \"Hello\", \"source\": \"user\"}", "application/json", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).path("type").asText()).isEqualTo("TextMessage");
        assertThat(json(first.body()).path("content").asText()).isEqualTo("Reply 1");
        assertThat(json(first.body()).path("source").asText()).isEqualTo("assistant");
        assertThat(Files.readString(dir.resolve(AgentChat.STATE_FILE))).contains("\"type\":\"AssistantAgentState\"");

        app.close();
        WebChatApp restarted = start();
        HttpResponse<String> second = post(restarted, "{\"content\": \"And again?\"}", "application/json", null);

        assertThat(json(second.body()).path("content").asText()).isEqualTo("Reply 2");
        assertThat(models.get(1).createCalls().getFirst().messages().toString())
                .contains("Hello", "Reply 1", "And again?");
        JsonNode history = json(get(restarted, "/history").body());
        assertThat(history).extracting(m -> m.path("source").asText() + ": " + m.path("content").asText())
                .containsExactly("user: Hello", "assistant: Reply 1", "user: And again?", "assistant: Reply 2");
    }

    @Test
    void badRequestsAreRefusedWithWhatWasWrong() throws Exception {
        WebChatApp app = start();

        HttpResponse<String> notJson = post(app, "Hello", "application/json", null);
        HttpResponse<String> noContent = post(app, "{\"text\": \"Hello\"}", "application/json", null);
        HttpResponse<String> form = post(app, "content=Hello", "application/x-www-form-urlencoded", null);
        HttpResponse<String> foreign = post(app, "{\"content\": \"Hello\"}", "application/json", "http://evil.example");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).path("content").asText()).contains("it is not JSON");
        assertThat(noContent.statusCode()).isEqualTo(400);
        assertThat(json(noContent.body()).path("content").asText()).contains("a non-empty string 'content'");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json(foreign.body()).path("content").asText()).contains("http://evil.example");
        assertThat(models).isEmpty();
        assertThat(dir.resolve(AgentChat.HISTORY_FILE)).doesNotExist();
    }

    @Test
    void thePagesAreServed() throws Exception {
        WebChatApp app = start();

        assertThat(get(app, "/").body()).contains("fetch('/chat'", "<script src=\"/chat.js\">");
        assertThat(get(app, "/team").body()).contains("'/ws/chat'", "<link rel=\"stylesheet\" href=\"/chat.css\">");
        assertThat(get(app, "/chat.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(get(app, "/chat.css").body()).contains("#messages");
        assertThat(app.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void theTeamAsksTheBrowserForInputAndSavesEachRound() throws Exception {
        WebChatApp app = start();
        try (Socket socket = new Socket(http, app, null)) {
            socket.send("{\"content\": \"Hello\", \"source\": \"user\"}");

            assertThat(socket.until("UserInputRequestedEvent")).containsExactly(
                    "TextMessage user: Hello", "TextMessage assistant: Reply 1", "TextMessage yoda: Yoda reply 1",
                    "UserInputRequestedEvent user: ");
            socket.send("{\"content\": \"Tell me more\", \"source\": \"user\"}");
            assertThat(socket.until("UserInputRequestedEvent")).containsExactly(
                    "TextMessage user: Tell me more", "TextMessage assistant: Reply 2", "TextMessage yoda: Yoda reply 2",
                    "UserInputRequestedEvent user: ");
        }
        // The second round was under way when the page left: only the first is saved.
        JsonNode history = json(get(app, "/team/history").body());
        assertThat(history).extracting(m -> m.path("source").asText() + ": " + m.path("content").asText())
                .containsExactly("user: Hello", "assistant: Reply 1", "yoda: Yoda reply 1", "user: Tell me more");
        assertThat(Files.readString(dir.resolve(TeamChat.STATE_FILE))).contains("\"type\":\"TeamState\"");

        app.close();
        WebChatApp restarted = start();
        try (Socket socket = new Socket(http, restarted, null)) {
            socket.send("{\"content\": \"Where were we?\", \"source\": \"user\"}");
            assertThat(socket.until("UserInputRequestedEvent")).contains("TextMessage assistant: Reply 3");
        }
        assertThat(models.get(2).createCalls().getFirst().messages().toString())
                .contains("Hello", "Yoda reply 1", "Tell me more", "Where were we?");
    }

    @Test
    void aBadFrameIsAnsweredWithAnErrorAndTheInputStaysOpen() throws Exception {
        WebChatApp app = start();
        try (Socket socket = new Socket(http, app, null)) {
            socket.send("not json");

            assertThat(socket.next()).startsWith("error system: Error: the message must be a JSON object");
            assertThat(socket.next()).isEqualTo("UserInputRequestedEvent system: An error occurred. Please try again.");
        }
        assertThat(models).isEmpty();
    }

    @Test
    void aSecondPageIsToldTheTeamIsBusy() throws Exception {
        WebChatApp app = start();
        try (Socket first = new Socket(http, app, null)) {
            Socket second = new Socket(http, app, null);

            assertThat(second.next()).isEqualTo("error system: Error: Another page is chatting with the team; close it first.");
            second.closed.get(1, TimeUnit.MINUTES);
            first.send("{\"content\": \"Hello\"}");
            assertThat(first.until("UserInputRequestedEvent")).contains("TextMessage assistant: Reply 1");
        }
    }

    @Test
    void pagesOfOtherOriginsCannotOpenTheSocket() {
        WebChatApp app = start();

        assertThatThrownBy(() -> new Socket(http, app, "http://evil.example")).isInstanceOf(CompletionException.class);
    }

    /** A WebSocket client that queues every frame as "type source: content". */
    private static final class Socket implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final WebSocket socket;

        Socket(HttpClient http, WebChatApp app, String origin) {
            var builder = http.newWebSocketBuilder();
            if (origin != null) {
                builder.header("Origin", origin);
            }
            socket = builder.buildAsync(URI.create(app.url().replace("http:", "ws:") + "/ws/chat"), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = AutogenJson.mapper().readTree(partial.toString());
                    frames.add(frame.path("type").asText() + " " + frame.path("source").asText() + ": "
                            + frame.path("content").asText());
                } catch (IOException e) {
                    frames.add("unparseable " + partial);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /** The next frame, waiting at most a minute so that a broken server fails the test rather than hanging it. */
        String next() throws InterruptedException {
            String frame = frames.poll(1, TimeUnit.MINUTES);
            assertThat(frame).as("a frame within a minute").isNotNull();
            return frame;
        }

        List<String> until(String type) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            String frame;
            do {
                frame = next();
                seen.add(frame);
            } while (!frame.startsWith(type + " "));
            return seen;
        }

        @Override
        public void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            closed.get(1, TimeUnit.MINUTES);
        }
    }
}
