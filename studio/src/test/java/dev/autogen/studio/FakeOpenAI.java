package dev.autogen.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server speaking OpenAI's chat-completions format with a fixed latency per call, for load
 * tests: an agent whose system message mentions "critic" gets "APPROVE", any other a draft.
 */
final class FakeOpenAI implements AutoCloseable {
    private final HttpServer server;
    final AtomicLong calls = new AtomicLong();
    /** The Authorization header of each call. */
    final Queue<String> authorizations = new ConcurrentLinkedQueue<>();

    FakeOpenAI(Duration latency) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonNode request = AutogenJson.mapper().readTree(exchange.getRequestBody());
                calls.incrementAndGet();
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Thread.sleep(latency.toMillis());
                boolean critic = request.path("messages").path(0).path("content").asText().contains("critic");
                String content = critic ? "APPROVE" : "A draft about the sea, in three lines.";
                var reply = AutogenJson.mapper().createObjectNode().put("id", "chatcmpl-" + calls.get())
                        .put("object", "chat.completion").put("created", 1).put("model", "gpt-4o-mini");
                var choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", content);
                reply.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
                byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
