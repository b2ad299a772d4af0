package dev.autogen.studio;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * A real MCP server for the playground's tests, built with the MCP Java SDK: tools {@code echo} (which
 * also logs what it echoes), {@code ask_name} (asks the user through elicitation), {@code summarize}
 * (asks the client's model through sampling) and {@code fail}; the
 * resource {@code test://greeting}; the prompt {@code greet}. Served over Streamable HTTP on a free
 * loopback port ({@link #startHttp()}), or over stdio in a process of its own ({@link #main}).
 */
final class TestMcpServer implements AutoCloseable {
    private final Server jetty;
    private final McpSyncServer mcp;

    private TestMcpServer(Server jetty, McpSyncServer mcp) {
        this.jetty = jetty;
        this.mcp = mcp;
    }

    static TestMcpServer startHttp() throws Exception {
        var transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper()).mcpEndpoint("/mcp").build();
        // each request on a Jetty thread of its own: tools waiting for the client do not hold up others
        McpSyncServer mcp = specify(McpServer.sync(transport)).immediateExecution(true).build();
        var jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        var context = new ServletContextHandler();
        var holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp/*");
        jetty.setHandler(context);
        jetty.start();
        return new TestMcpServer(jetty, mcp);
    }

    /** Serves over stdio; writes this process's id to the file {@code args[0]} first. */
    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[0]), Long.toString(ProcessHandle.current().pid()));
        McpSyncServer server = specify(McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper())))
                .build();
        Thread.currentThread().join(); // until the client closes stdin, which ends the process
        server.close();
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/mcp";
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> specify(
            McpServer.SyncSpecification<S> spec) {
        return spec.serverInfo("studio-test-server", "1.0.0").requestTimeout(java.time.Duration.ofSeconds(60))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false)
                        .logging().build())
                .tools(tool("echo", "Echoes the message back.", Map.of("message", Map.of("type", "string")),
                                TestMcpServer::echo),
                        tool("ask_name", "Asks the user for a name and greets them.", Map.of(), TestMcpServer::askName),
                        tool("summarize", "Asks the client's model.", Map.of(), (exchange, request) -> {
                            var answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                                    .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                                            new McpSchema.TextContent("Summarize this."))))
                                    .maxTokens(50).build());
                            return McpSchema.CallToolResult.builder()
                                    .addTextContent("model said: " + ((McpSchema.TextContent) answer.content()).text()).build();
                        }),
                        tool("fail", "Always fails.", Map.of(), (exchange, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent("This tool always fails.").isError(true).build()))
                .resources(new McpServerFeatures.SyncResourceSpecification(
                        McpSchema.Resource.builder().uri("test://greeting").name("greeting").mimeType("text/plain")
                                .description("A greeting").build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.TextResourceContents(request.uri(), "text/plain", "Hello from the test server")))))
                .prompts(new McpServerFeatures.SyncPromptSpecification(
                        new McpSchema.Prompt("greet", "Greets someone",
                                List.of(new McpSchema.PromptArgument("name", "Who to greet", true))),
                        (exchange, request) -> new McpSchema.GetPromptResult("A greeting", List.of(new McpSchema.PromptMessage(
                                McpSchema.Role.USER, new McpSchema.TextContent("Please greet " + request.arguments().get("name")))))));
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name, String description,
            Map<String, Object> properties,
            java.util.function.BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> call) {
        var tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object", "properties", properties)).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler(call).build();
    }

    private static McpSchema.CallToolResult echo(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String message = String.valueOf(request.arguments().get("message"));
        exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                .level(McpSchema.LoggingLevel.WARNING).logger("echo").data("echoing " + message).build());
        return McpSchema.CallToolResult.builder().addTextContent("Echo: " + message).build();
    }

    private static McpSchema.CallToolResult askName(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        var answer = exchange.createElicitation(McpSchema.ElicitFormRequest.builder("What is your name?",
                Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")),
                        "required", List.of("name"))).build());
        String text = answer.action() == McpSchema.ElicitResult.Action.ACCEPT
                ? "Hello, " + answer.content().get("name") : "No name: " + answer.action().name().toLowerCase();
        return McpSchema.CallToolResult.builder().addTextContent(text).build();
    }

    @Override
    public void close() throws Exception {
        mcp.closeGracefully();
        jetty.stop();
    }
}
