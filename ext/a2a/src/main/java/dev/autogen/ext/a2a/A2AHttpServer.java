package dev.autogen.ext.a2a;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A running A2A endpoint of an {@link A2AAgentServer}; close it to stop. */
public final class A2AHttpServer implements AutoCloseable {
    private final Server jetty;
    private final String url;

    A2AHttpServer(Server jetty, String url) {
        this.jetty = jetty;
        this.url = url;
    }

    /** The port listened on. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The agent's URL, where clients post JSON-RPC requests, e.g. {@code http://127.0.0.1:9999/}. */
    public String url() {
        return url;
    }

    /** Where the agent card is served. */
    public String cardUrl() {
        return url.substring(0, url.length() - 1) + A2AServlet.CARD_PATH;
    }

    /** Blocks until the server is stopped (by {@link #close()} from another thread). */
    public void await() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the A2A server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
