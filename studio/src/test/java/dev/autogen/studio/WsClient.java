package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client of a run for tests: every frame received is queued; {@link #next()} waits for
 * the next one (with a safety bound of a minute, so a broken server fails the test instead of hanging it).
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket socket;

    WsClient(HttpClient http, String url) {
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    static WsClient connect(TestStudio studio, long runId) {
        return new WsClient(studio.http, studio.server.url().replace("http:", "ws:") + "/api/ws/runs/" + runId);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(AutogenJson.mapper().readTree(partial.toString()));
            } catch (IOException e) {
                frames.add(AutogenJson.mapper().createObjectNode().put("type", "unparseable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(Object frame) {
        socket.sendText(TestStudio.json(frame), true).join();
    }

    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(1, TimeUnit.MINUTES);
        assertThat(frame).as("a frame within a minute").isNotNull();
        return frame;
    }

    /** Frames up to and including the first of {@code type}. */
    List<JsonNode> until(String type) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            seen.add(frame);
            if (frame.path("type").asText().equals(type)) {
                return seen;
            }
        }
    }

    int awaitClosed() throws Exception {
        return closed.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
