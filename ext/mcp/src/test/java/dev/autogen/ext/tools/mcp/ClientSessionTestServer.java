package dev.autogen.ext.tools.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An MCP server over stdio, in a process of its own, for {@link McpClientSessionTest}: built with the
 * SDK's server side; tools that log, ask the user (elicitation) and ask a model (sampling); a resource
 * and a prompt.
 */
public final class ClientSessionTestServer {
    private ClientSessionTestServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper()))
                .serverInfo("client-session-test", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false)
                        .logging().build())
                .tools(tool("echo", ClientSessionTestServer::echo), tool("ask", ClientSessionTestServer::ask),
                        tool("sample", ClientSessionTestServer::sample))
                .resources(new McpServerFeatures.SyncResourceSpecification(
                        McpSchema.Resource.builder().uri("test://note").name("note").mimeType("text/plain").build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(
                                List.of(new McpSchema.TextResourceContents(request.uri(), "text/plain", "a note")))))
                .prompts(new McpServerFeatures.SyncPromptSpecification(
                        new McpSchema.Prompt("greet", "Greets", List.of(new McpSchema.PromptArgument("name", "Who", true))),
                        (exchange, request) -> new McpSchema.GetPromptResult("A greeting", List.of(new McpSchema.PromptMessage(
                                McpSchema.Role.USER, new McpSchema.TextContent("Greet " + request.arguments().get("name")))))))
                .build(); // not immediateExecution: a tool waiting for the client must not block the reader of stdin
        Thread.currentThread().join(); // the client ends this process when it closes the session
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name,
            BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, String> call) {
        var tool = McpSchema.Tool.builder().name(name).description(name)
                .inputSchema(Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")))).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(call.apply(exchange, request)).build())
                .build();
    }

    private static String echo(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String text = String.valueOf(request.arguments().get("text"));
        exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                .level(McpSchema.LoggingLevel.WARNING).logger("echo").data("echoing " + text).build());
        return "Echo: " + text;
    }

    private static String ask(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        var answer = exchange.createElicitation(McpSchema.ElicitFormRequest.builder("Your name?",
                Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")))).build());
        return answer.action() + " " + answer.content();
    }

    private static String sample(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        var answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent("hi"))))
                .maxTokens(10).build());
        return "model said: " + ((McpSchema.TextContent) answer.content()).text();
    }
}
