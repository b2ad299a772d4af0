package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mcp_server_tools: a server's tools as plain Tools. */
class McpServerToolsTest {

    @Test
    void adaptersWithoutAWorkbenchOpenASessionPerCallAsPythonDoes() throws Exception {
        StdioServerParams params = McpTestServers.everything("stdio").build();
        List<McpToolAdapter<?>> tools = McpServerTools.of(params);

        assertThat(tools).allMatch(t -> t instanceof StdioMcpToolAdapter);
        assertThat(tools).extracting(Tool::name).contains("echo", "get-sum");

        try (var workbench = new StaticWorkbench(tools)) {
            ToolResult echo = workbench.callTool("echo", AutogenJson.mapper().readTree("{\"message\": \"adapter\"}"));
            assertThat(echo.isError()).isFalse();
            assertThat(echo.toText()).isEqualTo("Echo: adapter");
            ToolResult bad = workbench.callTool("get-sum", AutogenJson.mapper().readTree("{\"a\": \"x\"}"));
            assertThat(bad.isError()).isTrue();
        }
    }

    @Test
    void adaptersOfAWorkbenchShareItsSession() throws Exception {
        try (var workbench = new McpWorkbench(McpTestServers.everything("stdio").build())) {
            List<McpToolAdapter<?>> tools = McpServerTools.of(workbench);
            long pid = workbench.serverProcess().orElseThrow().pid();
            Tool sum = tools.stream().filter(t -> t.name().equals("get-sum")).findFirst().orElseThrow();

            for (int i = 0; i < 10; i++) {
                Object result = sum.runJson(AutogenJson.mapper().readTree("{\"a\": " + i + ", \"b\": 1}"),
                        new dev.autogen.core.CancellationToken(), null);
                assertThat(sum.returnValueAsString(result)).isEqualTo("The sum of " + i + " and 1 is " + (i + 1) + ".");
            }
            assertThat(workbench.serverProcess().orElseThrow().pid()).isEqualTo(pid);
        }
    }

    @Test
    void anAdapterDumpsAndLoadsAsPythonsStdioMcpToolAdapter() {
        StdioServerParams params = McpTestServers.everything("stdio").build();
        McpToolAdapter<?> echo = McpServerTools.tool(params, "echo");

        ComponentModel model = echo.dumpComponent();
        assertThat(model.provider()).isEqualTo("autogen_ext.tools.mcp.StdioMcpToolAdapter");
        assertThat(model.componentType()).isEqualTo("tool");
        assertThat(model.config().path("server_params").path("type").asText()).isEqualTo("StdioServerParams");
        assertThat(model.config().path("tool").path("name").asText()).isEqualTo("echo");
        assertThat(model.config().path("tool").path("inputSchema").path("properties").has("message")).isTrue();

        Tool loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(model, Tool.class);
        assertThat(loaded).isInstanceOf(StdioMcpToolAdapter.class);
        assertThat(loaded.schema()).isEqualTo(echo.schema());
        assertThat(loaded.dumpComponent().toJsonNode()).isEqualTo(model.toJsonNode());

        assertThatThrownBy(() -> McpServerTools.tool(params, "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tool 'nope' not found, available tools: ")
                .hasMessageContaining("echo");
    }
}
