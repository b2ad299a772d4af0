package dev.autogen.ext.mcp.server;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.core.utils.ServerAccess;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Serves agents and teams as MCP tools: each is a tool named after it that takes {@code {"task": "..."}}
 * and returns the run's final answer (and, as structured content, its stop reason), sending a progress
 * notification per message when the client asks for progress. Over stdio ({@link #serveStdio}), for a
 * client that starts the server as a program, or Streamable HTTP ({@link #startHttp}).
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent poet; -->
 * <pre>{@code
 * var server = McpAgentServer.builder().serve(poet).build();
 * try (McpHttpServer http = server.startHttp("127.0.0.1", 8931, null)) {
 *     System.out.println("MCP endpoint: " + http.url());
 *     http.await();
 * }
 * }</pre>
 *
 * Each call runs on the agent or team reset first, one call at a time per tool.
 */
public final class McpAgentServer {
    private final String serverName;
    private final String serverVersion;
    private final List<TaskRunnerTool> tools;
    private final int maxRequestBytes;

    private McpAgentServer(Builder builder) {
        this.serverName = builder.serverName;
        this.serverVersion = builder.serverVersion;
        this.tools = List.copyOf(builder.tools);
        this.maxRequestBytes = builder.maxRequestBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The names of the tools served. */
    public List<String> toolNames() {
        return tools.stream().map(TaskRunnerTool::name).toList();
    }

    /** Serves over this process's stdin and stdout until the client closes stdin. */
    public void serveStdio() throws InterruptedException {
        serveStdio(System.in, System.out);
    }

    /**
     * Serves over {@code in} and {@code out} (JSON-RPC messages, one per line) until {@code in} ends.
     * Nothing else may write to {@code out}.
     */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    ended.countDown();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }
        };
        McpSyncServer server = specify(McpServer.sync(new StdioServerTransportProvider(json(), watched, out))).build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    /**
     * Serves over Streamable HTTP at {@code http://bindAddress:port/mcp} (port 0 picks a free one).
     *
     * @param token the bearer token every request must carry ({@code Authorization: Bearer TOKEN}), or
     *     null; required unless {@code bindAddress} is a loopback address
     * @throws IllegalArgumentException if the address reaches other machines and there is no token
     * @throws IllegalStateException if the port cannot be bound
     */
    public McpHttpServer startHttp(String bindAddress, int port, @Nullable String token) {
        InetSocketAddress address = ServerAccess.requireTokenOffLoopback("the MCP server", bindAddress, port, token);
        var transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json())
                .mcpEndpoint(McpHttpServer.ENDPOINT)
                .maxRequestSize(maxRequestBytes)
                .httpHeaderValidator(headers -> checkToken(token, headers.getHeader("Authorization")))
                .build();
        McpSyncServer server = specify(McpServer.sync(transport)).build();
        return McpHttpServer.start(bindAddress, address, transport, server);
    }

    private static void checkToken(@Nullable String token, @Nullable List<String> given)
            throws ServerTransportSecurityException {
        if (token == null) {
            return;
        }
        boolean ok = given != null && given.stream().anyMatch(value -> ServerAccess.bearerMatches(token, value));
        if (!ok) {
            throw new ServerTransportSecurityException(401, given == null || given.isEmpty()
                    ? "this MCP server needs a token: send Authorization: Bearer TOKEN"
                    : "the token does not match this MCP server's");
        }
    }

    private <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> specify(
            McpServer.SyncSpecification<S> spec) {
        return spec.serverInfo(serverName, serverVersion)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.stream().map(TaskRunnerTool::specification).toList())
                .immediateExecution(true);
    }

    private static McpJsonMapper json() {
        return McpJsonDefaults.getMapper();
    }

    /** Options of an {@link McpAgentServer}. */
    public static final class Builder {
        private String serverName = "autogen";
        private String serverVersion = "0.1.0";
        private final List<TaskRunnerTool> tools = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int maxRequestBytes = 4 * 1024 * 1024;

        private Builder() {
        }

        /** The server's name and version in the MCP handshake; {@code autogen} by default. */
        public Builder serverInfo(String name, String version) {
            this.serverName = Objects.requireNonNull(name, "name");
            this.serverVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Serves {@code runner} (an agent or a team) as a tool named after it, described by its description. */
        public Builder serve(TaskRunner runner) {
            return switch (runner) {
                case Team team -> serve(team, team.name(), team.description());
                case ChatAgent agent -> serve(agent, agent.name(), agent.description());
                default -> throw new IllegalArgumentException("serve(runner, name, description) names a runner that is"
                        + " neither an agent nor a team");
            };
        }

        /**
         * Serves {@code runner} as the tool {@code name} (letters, digits, {@code _} and {@code -}).
         *
         * @throws IllegalArgumentException if the name is taken or not a valid tool name
         */
        public Builder serve(TaskRunner runner, String name, String description) {
            Objects.requireNonNull(runner, "runner");
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("'" + name + "' cannot be an MCP tool name: use 1 to 64 letters,"
                        + " digits, '_' or '-'");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("two tools would be named '" + name + "'");
            }
            tools.add(new TaskRunnerTool(runner, name, description));
            return this;
        }

        /** The largest HTTP request accepted, in bytes; 4 MiB by default. */
        public Builder maxRequestBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxRequestBytes must be positive, not " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** @throws IllegalStateException if nothing is served */
        public McpAgentServer build() {
            if (tools.isEmpty()) {
                throw new IllegalStateException("an MCP server needs at least one agent or team to serve");
            }
            return new McpAgentServer(this);
        }
    }
}
