package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A local HTTP server answering with OpenAI's documented chat-completions wire format: scripted
 * JSON answers, server-sent-event streams and errors, one per request in order. Records every
 * request it receives. Published in this module's test jar for other modules' tests (the Azure
 * token provider's end-to-end test uses it as a token endpoint too).
 */
public final class FakeOpenAIServer implements AutoCloseable {
    /** One request as received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, JsonNode body,
            long nanoTime) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** How to answer one request. */
    @FunctionalInterface
    public interface Answer {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    public final List<Received> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a streaming answer notices that the client closed the connection. */
    public final CountDownLatch clientDisconnected = new CountDownLatch(1);
    /** Counted down on close, ending answers that stall. */
    private final CountDownLatch closed = new CountDownLatch(1);

    public FakeOpenAIServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeOpenAIServer enqueue(Answer answer) {
        synchronized (answers) {
            answers.add(answer);
        }
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? AutogenJson.mapper().nullNode() : AutogenJson.mapper().readTree(bytes);
        requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
        Answer answer;
        synchronized (answers) {
            answer = answers.poll();
        }
        try {
            if (answer == null) {
                json(500, "{\"error\": {\"message\": \"no scripted answer left\"}}").respond(exchange);
            } else {
                answer.respond(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    public static Answer json(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        };
    }

    /** A stream of {@code data:} events followed by {@code data: [DONE]}. */
    public static Answer sse(String... events) {
        Answer cut = sseCut(events);
        return exchange -> {
            cut.respond(exchange);
            exchange.getResponseBody().write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Streams {@code first}, then keeps the stream open with comments until the client hangs up. */
    public Answer sseThenHang(String first) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(("data: " + first + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                for (int i = 0; i < 600; i++) {
                    Thread.sleep(50);
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException closed) {
                clientDisconnected.countDown();
            }
        };
    }

    /** A stream of {@code data:} events that ends without a finish reason or {@code [DONE]}: a cut connection. */
    public static Answer sseCut(String... events) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : events) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /** Sends the headers and {@code start} of a body, then nothing more until the server closes. */
    public Answer stallAfterHeaders(String contentType, String start) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            closed.await();
        };
    }

    /** Waits {@code millis} before answering with {@code then}. */
    public static Answer delayed(long millis, Answer then) {
        return exchange -> {
            Thread.sleep(millis);
            then.respond(exchange);
        };
    }

    public static String completion(String content, int promptTokens, int completionTokens) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-2024-08-06",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d}}
                """.formatted(AutogenJson.mapper().valueToTree(content).toString(), promptTokens, completionTokens,
                promptTokens + completionTokens);
    }

    public static String chunk(String deltaJson, String finishReason) {
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1, \"model\": \"gpt-4o-2024-08-06\","
                + " \"choices\": [{\"index\": 0, \"delta\": " + deltaJson + ", \"finish_reason\": "
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    public static String usageChunk(int promptTokens, int completionTokens) {
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1, \"model\": \"gpt-4o-2024-08-06\","
                + " \"choices\": [], \"usage\": {\"prompt_tokens\": " + promptTokens + ", \"completion_tokens\": "
                + completionTokens + ", \"total_tokens\": " + (promptTokens + completionTokens) + "}}";
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
