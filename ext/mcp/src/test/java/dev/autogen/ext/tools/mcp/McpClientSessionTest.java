package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** McpClientSession against a real MCP server over stdio (the SDK's server side in a process of its own). */
class McpClientSessionTest {

    private static StdioServerParams server() {
        return StdioServerParams.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), ClientSessionTestServer.class.getName())
                .readTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void listsCallsReadsAndPassesTheServersRequestsAndNotificationsOn() throws Exception {
        BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
        var handlers = new McpClientHandlers(
                request -> McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                        .content(new McpSchema.TextContent("hello")).model("test").build(),
                request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Ada")),
                (method, params) -> notifications.add(method + " " + params));
        ProcessHandle process;
        try (var session = McpClientSession.open(server(), handlers)) {
            assertThat(session.initializeResult().serverInfo().name()).isEqualTo("client-session-test");
            assertThat(session.listTools()).extracting(McpSchema.Tool::name).containsExactly("echo", "ask", "sample");
            var echo = session.callTool("echo", Map.of("text", "hi"));
            assertThat(((McpSchema.TextContent) echo.content().get(0)).text()).isEqualTo("Echo: hi");
            String log = notifications.poll(1, TimeUnit.MINUTES);
            assertThat(log).startsWith("notifications/message").contains("echoing hi");

            assertThat(text(session.callTool("ask", null))).isEqualTo("ACCEPT {name=Ada}");
            assertThat(text(session.callTool("sample", Map.of()))).isEqualTo("model said: hello");

            assertThat(session.listResources()).extracting(McpSchema.Resource::uri).containsExactly("test://note");
            var read = session.readResource("test://note");
            assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text()).isEqualTo("a note");
            assertThat(session.listPrompts()).extracting(McpSchema.Prompt::name).containsExactly("greet");
            var prompt = session.getPrompt("greet", Map.of("name", "Bo"));
            assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).isEqualTo("Greet Bo");

            assertThatThrownBy(() -> session.callTool("nope", null)).isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("stdio MCP server").hasMessageContaining("tools/call");
            process = session.process().orElseThrow();
            assertThat(session.isAlive()).isTrue();
        }
        process.onExit().get(1, TimeUnit.MINUTES);
        assertThat(process.isAlive()).as("closing the session ends the server").isFalse();
    }

    @Test
    void withoutHandlersTheClientOffersNeitherSamplingNorElicitation() {
        try (var session = McpClientSession.open(server(), McpClientHandlers.NONE)) {
            assertThat(text(session.callTool("echo", Map.of("text", "x")))).isEqualTo("Echo: x");
            assertThatThrownBy(() -> session.callTool("ask", null))
                    .as("the server cannot ask a client that offers no elicitation")
                    .isInstanceOf(McpSessionException.class).hasMessageContaining("elicitation");
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        List<McpSchema.Content> content = result.content();
        return ((McpSchema.TextContent) content.get(0)).text();
    }
}
