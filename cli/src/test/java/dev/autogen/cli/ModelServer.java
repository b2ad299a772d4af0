package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers each request with the next scripted JSON body, standing in for
 * a model server. (Core's {@code LocalHttpServer} is not used: core's test jar registers fake component
 * providers that clash with the real ones the command loads.)
 */
final class ModelServer implements AutoCloseable {
    /** A request as received. */
    record Request(String path, String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final Queue<String> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ModelServer(String... replies) throws IOException {
        this.replies.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(exchange.getRequestURI().getPath(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        AutogenJson.mapper().readTree(body)));
                String reply = this.replies.poll();
                byte[] bytes = (reply == null ? "{\"error\":\"no scripted reply\"}" : reply).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply == null ? 500 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
