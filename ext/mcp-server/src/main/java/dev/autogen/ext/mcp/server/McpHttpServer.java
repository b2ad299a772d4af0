package dev.autogen.ext.mcp.server;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** A running Streamable HTTP endpoint of an {@link McpAgentServer}; close it to stop. */
public final class McpHttpServer implements AutoCloseable {
    static final String ENDPOINT = "/mcp";

    private final Server jetty;
    private final McpSyncServer mcp;
    private final String host;

    private McpHttpServer(Server jetty, McpSyncServer mcp, String host) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.host = host;
    }

    static McpHttpServer start(String host, InetSocketAddress address,
            HttpServletStreamableServerTransportProvider transport, McpSyncServer mcp) {
        Server jetty = new Server(address);
        var context = new ServletContextHandler();
        var holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, ENDPOINT + "/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            mcp.closeGracefully();
            throw new IllegalStateException("the MCP server cannot listen on " + host + ":" + address.getPort() + ": "
                    + e.getMessage(), e);
        }
        return new McpHttpServer(jetty, mcp, host);
    }

    /** The port listened on. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The endpoint clients connect to, e.g. {@code http://127.0.0.1:8931/mcp}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + ENDPOINT;
    }

    /** Blocks until the server is stopped (by {@link #close()} from another thread). */
    public void await() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        mcp.closeGracefully();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the MCP server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
