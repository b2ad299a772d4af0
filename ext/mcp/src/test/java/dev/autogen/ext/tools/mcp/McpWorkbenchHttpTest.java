package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** McpWorkbench against server-everything over Streamable HTTP and SSE, started on a free loopback port. */
class McpWorkbenchHttpTest {

    @Test
    void streamableHttpListsCallsAndReadsOverOneSession() throws Exception {
        try (var server = McpTestServers.HttpServer.start("streamableHttp");
                var workbench = new McpWorkbench(new StreamableHttpServerParams(server.url("/mcp"),
                        Map.of("X-Test-Client", "autogen-java"), 10, 60, true))) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).contains("echo", "get-sum");
            for (int i = 0; i < 20; i++) {
                ToolResult r = workbench.callTool("echo", AutogenJson.mapper().readTree("{\"message\": \"http " + i + "\"}"));
                assertThat(r.isError()).isFalse();
                assertThat(r.toText()).isEqualTo("Echo: http " + i);
            }
            assertThat(workbench.callTool("get-tiny-image", null).result()).hasSize(3);
            assertThat(workbench.listPrompts()).extracting(McpSchema.Prompt::name).contains("simple-prompt");
            assertThat(workbench.readResource("demo://resource/dynamic/text/2").contents()).hasSize(1);
            assertThat(workbench.serverInfo().serverInfo().name()).isEqualTo("mcp-servers/everything");
            assertThat(workbench.serverProcess()).isEmpty();
        }
    }

    @Test
    void sseListsAndCallsTools() throws Exception {
        try (var server = McpTestServers.HttpServer.start("sse");
                var workbench = new McpWorkbench(new SseServerParams(server.url("/sse")))) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).contains("echo");
            ToolResult sum = workbench.callTool("get-sum", AutogenJson.mapper().readTree("{\"a\": 40, \"b\": 2}"));
            assertThat(sum.toText()).isEqualTo("The sum of 40 and 2 is 42.");
        }
    }

    @Test
    void noServerAtTheUrlIsAClearError() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (var workbench = new McpWorkbench(new StreamableHttpServerParams("http://127.0.0.1:" + port + "/mcp",
                null, 2, 5, true))) {
            assertThatThrownBy(workbench::listTools)
                    .isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("Streamable HTTP MCP server at http://127.0.0.1:" + port + "/mcp");
            ToolResult r = workbench.callTool("echo", null);
            assertThat(r.isError()).isTrue();
            assertThat(r.toText()).startsWith("Error calling MCP tool 'echo': cannot start a session with Streamable HTTP MCP server at")
                    .contains("ConnectException");
        }
    }
}
