package dev.autogen.ext.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import dev.autogen.ext.tools.mcp.McpWorkbench;
import dev.autogen.ext.tools.mcp.StdioServerParams;
import dev.autogen.ext.tools.mcp.StreamableHttpServerParams;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agents and teams served over MCP, called by our McpWorkbench as any MCP client would. */
@Timeout(120)
class McpAgentServerTest {
    static AssistantAgent poet() {
        return AssistantAgent.builder("poet", new ReplayChatCompletionClient(Collections.nCopies(100,
                "The sea is calm tonight."))).description("Writes a line of verse on any subject.").build();
    }

    private static JsonNode task(String text) {
        return AutogenJson.mapper().valueToTree(Map.of("task", text));
    }

    /** An assistant whose scripted model calls the served poet once, then answers. */
    private static AssistantAgent askingAssistant(McpWorkbench workbench) {
        var call = new FunctionCall("call_1", "{\"task\": \"Write about the sea.\"}", "poet");
        var model = new ReplayChatCompletionClient(List.of(
                new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(call)),
                        new RequestUsage(10, 5), false, null, null)),
                ModelInfo.builder().functionCalling(true).build());
        return AssistantAgent.builder("assistant", model).workbench(workbench).build();
    }

    private static void assertThePoetAnswered(TaskResult result) {
        var execution = (ToolCallExecutionEvent) result.messages().stream()
                .filter(ToolCallExecutionEvent.class::isInstance).findFirst().orElseThrow();
        assertThat(execution.content()).containsExactly(
                new FunctionExecutionResult("The sea is calm tonight.", "poet", "call_1", false));
    }

    @Test
    void anAgentServedOverHttpIsAToolOfAnotherAgentsWorkbench() throws Exception {
        try (McpHttpServer http = McpAgentServer.builder().serve(poet()).build().startHttp("127.0.0.1", 0, null);
                var workbench = new McpWorkbench(new StreamableHttpServerParams(http.url(), null, 10, 60, true))) {
            assertThat(http.url()).startsWith("http://127.0.0.1:").endsWith("/mcp");
            List<ToolSchema> tools = workbench.listTools();
            assertThat(tools).extracting(ToolSchema::name).containsExactly("poet");
            assertThat(tools.getFirst().description()).isEqualTo("Writes a line of verse on any subject.");

            ToolResult direct = workbench.callTool("poet", task("Write about the sea."));
            assertThat(direct.isError()).isFalse();
            assertThat(direct.toText()).isEqualTo("The sea is calm tonight.");

            assertThePoetAnswered(askingAssistant(workbench).run("Ask the poet for a line about the sea."));
        }
    }

    @Test
    void anAgentServedOverStdioIsAToolOfAnotherAgentsWorkbench() throws Exception {
        var params = StdioServerParams.builder(ProcessHandle.current().info().command().orElseThrow())
                .args("-cp", System.getProperty("java.class.path"), StdioServerMain.class.getName()).build();
        try (var workbench = new McpWorkbench(params)) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).containsExactly("poet");
            assertThePoetAnswered(askingAssistant(workbench).run("Ask the poet for a line about the sea."));
        }
    }

    @Test
    void aTeamIsOneToolWhoseAnswerIsItsLastMessage() throws Exception {
        var team = RoundRobinGroupChat.builder(List.of(
                        AssistantAgent.builder("writer", new ReplayChatCompletionClient(Collections.nCopies(10, "Draft.")))
                                .build(),
                        AssistantAgent.builder("editor", new ReplayChatCompletionClient(Collections.nCopies(10, "Final.")))
                                .build()))
                .name("writing_team").description("Writes and edits.")
                .terminationCondition(new MaxMessageTermination(3)).build();
        try (McpHttpServer http = McpAgentServer.builder().serve(team).build().startHttp("127.0.0.1", 0, null);
                var workbench = new McpWorkbench(new StreamableHttpServerParams(http.url(), null, 10, 60, true))) {
            for (int call = 0; call < 2; call++) {
                ToolResult result = workbench.callTool("writing_team", task("Write a note."));
                assertThat(result.toText()).as("call %d, each on a team reset first", call).isEqualTo("Final.");
            }
            ToolResult missing = workbench.callTool("writing_team", AutogenJson.mapper().readTree("{}"));
            assertThat(missing.isError()).isTrue();
            assertThat(missing.toText()).contains("required property 'task' not found");
            ToolResult blank = workbench.callTool("writing_team", task(" "));
            assertThat(blank.isError()).isTrue();
            assertThat(blank.toText()).contains("tool 'writing_team' needs a non-empty string 'task'");
        }
    }

    @Test
    void theSdksOwnClientGetsAProgressNotificationPerMessageAndTheStructuredResult() throws Exception {
        var progress = new CopyOnWriteArrayList<McpSchema.ProgressNotification>();
        try (McpHttpServer http = McpAgentServer.builder().serve(poet()).build().startHttp("127.0.0.1", 0, null)) {
            String base = http.url().substring(0, http.url().length() - "/mcp".length());
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(30)).progressConsumer(progress::add).build();
            try {
                client.initialize();
                McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder().name("poet")
                        .arguments(Map.of("task", "Write about the sea.")).progressToken("p-1").build());
                assertThat(result.isError()).isFalse();
                @SuppressWarnings("unchecked")
                var structured = (Map<String, Object>) result.structuredContent();
                assertThat(structured).containsEntry("final_answer", "The sea is calm tonight.").containsEntry("messages", 2);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (progress.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10); // notifications may reach the consumer just after the result
                }
                assertThat(progress).extracting(McpSchema.ProgressNotification::message)
                        .containsExactly("user: Write about the sea.", "poet: The sea is calm tonight.");
                assertThat(progress).extracting(McpSchema.ProgressNotification::progressToken).containsOnly("p-1");
            } finally {
                client.closeGracefully();
            }
        }
    }

    @Test
    void aServerWithATokenRefusesClientsWithoutIt() throws Exception {
        try (McpHttpServer http = McpAgentServer.builder().serve(poet()).build().startHttp("127.0.0.1", 0, "s3cret")) {
            try (var withToken = new McpWorkbench(new StreamableHttpServerParams(http.url(),
                    Map.of("Authorization", "Bearer s3cret"), 10, 60, true))) {
                assertThat(withToken.callTool("poet", task("Sea.")).toText()).isEqualTo("The sea is calm tonight.");
            }
            try (var without = new McpWorkbench(new StreamableHttpServerParams(http.url(), null, 10, 60, true))) {
                ToolResult refused = without.callTool("poet", task("Sea."));
                assertThat(refused.isError()).isTrue();
            }
        }
    }

    @Test
    void anAddressOtherMachinesReachNeedsAToken() {
        var server = McpAgentServer.builder().serve(poet()).build();
        assertThatThrownBy(() -> server.startHttp("0.0.0.0", 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which other machines reach, without a token");
        assertThatThrownBy(() -> McpAgentServer.builder().serve(poet(), "two words", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be an MCP tool name");
    }
}
