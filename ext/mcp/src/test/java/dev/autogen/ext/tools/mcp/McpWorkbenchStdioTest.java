package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ResultContent;
import dev.autogen.core.tools.ToolOverride;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** McpWorkbench against a real server-everything over stdio. */
class McpWorkbenchStdioTest {
    private static McpWorkbench workbench;

    @BeforeAll
    static void startServer() {
        workbench = new McpWorkbench(McpTestServers.everything("stdio").build());
    }

    @AfterAll
    static void stopServer() {
        if (workbench != null) {
            workbench.close();
        }
    }

    static JsonNode json(String text) throws Exception {
        return AutogenJson.mapper().readTree(text);
    }

    @Test
    void listsTheServersToolsAsToolSchemas() {
        List<ToolSchema> tools = workbench.listTools();

        assertThat(tools).extracting(ToolSchema::name).contains("echo", "get-sum", "get-tiny-image");
        ToolSchema echo = tools.stream().filter(t -> t.name().equals("echo")).findFirst().orElseThrow();
        assertThat(echo.description()).isEqualTo("Echoes back the input string");
        assertThat(echo.parameters().type()).isEqualTo("object");
        assertThat(echo.parameters().properties()).containsOnlyKeys("message");
        assertThat(echo.parameters().properties().get("message").path("type").asText()).isEqualTo("string");
        assertThat(echo.parameters().required()).containsExactly("message");
    }

    @Test
    void callsToolsAndReturnsTheirText() throws Exception {
        ToolResult echo = workbench.callTool("echo", json("{\"message\": \"hello MCP\"}"));
        ToolResult sum = workbench.callTool(new FunctionCall("call-1", "{\"a\": 2, \"b\": 3}", "get-sum"), null);

        assertThat(echo.isError()).isFalse();
        assertThat(echo.name()).isEqualTo("echo");
        assertThat(echo.toText()).isEqualTo("Echo: hello MCP");
        assertThat(sum.isError()).isFalse();
        assertThat(sum.toText()).isEqualTo("The sum of 2 and 3 is 5.");
    }

    @Test
    void imageContentBecomesAnImagePart() {
        ToolResult result = workbench.callTool("get-tiny-image", null);

        assertThat(result.isError()).isFalse();
        assertThat(result.result()).hasSize(3);
        assertThat(result.result().get(0)).isInstanceOf(ResultContent.Text.class);
        var image = (ResultContent.ImageContent) result.result().get(1);
        assertThat(image.content().mimeType()).isEqualTo("image/png");
        assertThat(image.content().data()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void failuresAreErrorResultsNamingTheTool() throws Exception {
        ToolResult unknown = workbench.callTool("no-such-tool", json("{}"));
        ToolResult badArgs = workbench.callTool("get-sum", json("{\"a\": \"two\"}"));
        ToolResult notAnObject = workbench.callTool("echo", json("[1, 2]"));
        ToolResult badJson = workbench.callTool(new FunctionCall("c", "{not json", "echo"), null);

        assertThat(unknown.isError()).isTrue();
        assertThat(unknown.toText()).contains("no-such-tool");
        assertThat(badArgs.isError()).isTrue();
        assertThat(badArgs.name()).isEqualTo("get-sum");
        assertThat(notAnObject.isError()).isTrue();
        assertThat(notAnObject.toText()).contains("arguments for MCP tool 'echo' must be a JSON object");
        assertThat(badJson.isError()).isTrue();
        assertThat(badJson.toText()).contains("Invalid JSON arguments for tool 'echo'");
    }

    @Test
    void readsResourcesAndTemplates() {
        List<McpSchema.ResourceTemplate> templates = workbench.listResourceTemplates();
        assertThat(templates).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("demo://resource/dynamic/text/{resourceId}");

        McpSchema.ReadResourceResult read = workbench.readResource("demo://resource/dynamic/text/1");
        assertThat(read.contents()).hasSize(1);
        assertThat(read.contents().getFirst()).isInstanceOf(McpSchema.TextResourceContents.class);
        assertThat(((McpSchema.TextResourceContents) read.contents().getFirst()).text()).contains("1");

        List<McpSchema.Resource> resources = workbench.listResources();
        assertThat(resources).isNotEmpty();
        McpSchema.Resource first = resources.getFirst();
        assertThat(workbench.readResource(first.uri()).contents()).isNotEmpty();
    }

    @Test
    void listsAndFillsPrompts() {
        List<McpSchema.Prompt> prompts = workbench.listPrompts();
        assertThat(prompts).extracting(McpSchema.Prompt::name).contains("simple-prompt", "args-prompt");

        McpSchema.GetPromptResult filled = workbench.getPrompt("args-prompt", Map.of("city", "Seattle", "state", "WA"));
        assertThat(filled.messages()).hasSize(1);
        assertThat(filled.messages().getFirst().role()).isEqualTo(McpSchema.Role.USER);
        assertThat(((McpSchema.TextContent) filled.messages().getFirst().content()).text())
                .isEqualTo("What's weather in Seattle, WA?");

        assertThatThrownBy(() -> workbench.getPrompt("no-such-prompt"))
                .isInstanceOf(McpSessionException.class)
                .hasMessageContaining("prompts/get")
                .hasMessageContaining("stdio MCP server");
    }

    @Test
    void manyCallsSequentialAndConcurrentShareOneSession() throws Exception {
        workbench.listTools();
        long pid = workbench.serverProcess().orElseThrow().pid();

        for (int i = 0; i < 100; i++) {
            assertThat(workbench.callTool("echo", json("{\"message\": \"m" + i + "\"}")).toText()).isEqualTo("Echo: m" + i);
        }
        List<Future<ToolResult>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int a = i;
                futures.add(executor.submit(() -> workbench.callTool("get-sum", json("{\"a\": " + a + ", \"b\": 1}"))));
            }
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get().toText()).isEqualTo("The sum of " + i + " and 1 is " + (i + 1) + ".");
        }
        assertThat(workbench.serverProcess().orElseThrow().pid()).isEqualTo(pid);
        assertThat(workbench.isRunning()).isTrue();
    }

    @Test
    void cancellingTheTokenCancelsALongCall() throws Exception {
        var token = new CancellationToken();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ToolResult> call = executor.submit(() -> workbench.callTool("trigger-long-running-operation",
                    json("{\"duration\": 30, \"steps\": 3}"), token, "call-1"));
            Thread.sleep(500);
            token.cancel();
            assertThatThrownBy(() -> call.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        }
        assertThat(workbench.callTool("echo", json("{\"message\": \"still here\"}")).toText()).isEqualTo("Echo: still here");
    }

    @Test
    void toolOverridesRenameAndRedescribeTools() throws Exception {
        try (var renamed = new McpWorkbench(McpTestServers.everything("stdio").build(),
                Map.of("echo", new ToolOverride("say", "Says it back")))) {
            ToolSchema say = renamed.listTools().stream().filter(t -> t.name().equals("say")).findFirst().orElseThrow();
            assertThat(say.description()).isEqualTo("Says it back");
            assertThat(renamed.listTools()).extracting(ToolSchema::name).doesNotContain("echo");

            ToolResult result = renamed.callTool("say", json("{\"message\": \"hi\"}"));
            assertThat(result.name()).isEqualTo("say");
            assertThat(result.toText()).isEqualTo("Echo: hi");
        }
    }

    @Test
    void saveStateIsPythonsEmptyState() {
        assertThat(workbench.saveState()).isEqualTo(Map.of("type", "McpWorkBenchState"));
    }
}
