package dev.autogen.examples.samples;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A loopback HTTP server answering every request to one path with the status and body set last; it keeps the requests. */
final class CannedServer implements AutoCloseable {
    /** What a request asked for. */
    record Request(URI uri, Headers headers) {
    }

    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    volatile int status = 200;
    volatile String body;
    private final HttpServer server;
    private final String path;

    CannedServer(String path, String contentType, String body) throws IOException {
        this.path = path;
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            requests.add(new Request(exchange.getRequestURI(), exchange.getRequestHeaders()));
            byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The address of the path it answers. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
