package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolOverride;
import dev.autogen.core.tools.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Component configs in Python's shape: AutoGen Studio's gallery, defaults, round trips and bad input. */
class McpComponentConfigTest {
    private static final Path GALLERY = Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json");

    private static JsonNode gallery() throws Exception {
        return AutogenJson.mapper().readTree(GALLERY.toFile());
    }

    private static ComponentModel workbenchModel(String serverParams) throws Exception {
        return ComponentModel.fromJson("""
                {"provider": "autogen_ext.tools.mcp.McpWorkbench", "component_type": "workbench",
                 "config": {"server_params": %s}}""".formatted(serverParams));
    }

    private static McpWorkbench load(ComponentModel model) {
        return (McpWorkbench) ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(model, Workbench.class);
    }

    @Test
    void theGallerysMcpWorkbenchesLoadAndDumpTheSameConfig() throws Exception {
        JsonNode workbenches = gallery().at("/components/workbenches");
        JsonNode fetch = workbenches.get(1);
        JsonNode http = workbenches.get(2);

        McpWorkbench fetchWorkbench = load(ComponentModel.fromJsonNode(fetch));
        McpWorkbench httpWorkbench = load(ComponentModel.fromJsonNode(http));

        var stdio = (StdioServerParams) fetchWorkbench.serverParams();
        assertThat(stdio.command()).isEqualTo("uvx");
        assertThat(stdio.args()).containsExactly("mcp-server-fetch");
        assertThat(stdio.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(stdio.env()).isNull();
        var streamable = (StreamableHttpServerParams) httpWorkbench.serverParams();
        assertThat(streamable.url()).isEqualTo("http://localhost:8005/mcp");
        assertThat(streamable.headers()).containsEntry("Authorization", "Bearer your-api-key");
        assertThat(streamable.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(streamable.requestTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(streamable.terminateOnClose()).isTrue();
        assertThat(fetchWorkbench.isRunning()).isFalse();

        for (var pair : List.of(Map.entry(fetch, fetchWorkbench), Map.entry(http, httpWorkbench))) {
            JsonNode dumped = pair.getValue().dumpComponent().toJsonNode();
            JsonNode original = pair.getKey();
            assertThat(dumped.get("provider")).isEqualTo(original.get("provider"));
            assertThat(dumped.get("component_type")).isEqualTo(original.get("component_type"));
            assertThat(dumped.get("version")).isEqualTo(original.get("version"));
            assertThat(dumped.get("component_version")).isEqualTo(original.get("component_version"));
            assertThat(dumped.get("config")).isEqualTo(original.get("config"));
            assertThat(AutogenJson.mapper().writeValueAsString(dumped.get("config")))
                    .isEqualTo(AutogenJson.mapper().writeValueAsString(original.get("config")));
        }
    }

    @Test
    void paramsAreWrittenAsPythonWritesThem() {
        var params = StdioServerParams.builder("npx").args("-y", "@modelcontextprotocol/server-everything")
                .env("DEBUG", "1").build();
        ComponentModel model = new McpWorkbench(params, Map.of("echo", new ToolOverride("say", null))).dumpComponent();

        assertThat(model.config().toString()).isEqualTo("{\"server_params\":{\"command\":\"npx\","
                + "\"args\":[\"-y\",\"@modelcontextprotocol/server-everything\"],\"env\":{\"DEBUG\":\"1\"},"
                + "\"encoding\":\"utf-8\",\"encoding_error_handler\":\"strict\",\"type\":\"StdioServerParams\","
                + "\"read_timeout_seconds\":5.0},\"tool_overrides\":{\"echo\":{\"name\":\"say\"}}}");
        assertThat(new McpWorkbench(new SseServerParams("http://localhost:3001/sse")).dumpComponent().config().toString())
                .isEqualTo("{\"server_params\":{\"type\":\"SseServerParams\",\"url\":\"http://localhost:3001/sse\","
                        + "\"timeout\":5.0,\"sse_read_timeout\":300.0}}");
        assertThat(load(model).toConfig()).isEqualTo(new McpWorkbench(params, Map.of("echo", new ToolOverride("say", null))).toConfig());
    }

    @Test
    void missingFieldsTakePythonsDefaults() throws Exception {
        var stdio = (StdioServerParams) load(workbenchModel("{\"type\": \"StdioServerParams\", \"command\": \"uvx\"}"))
                .serverParams();
        var sse = (SseServerParams) load(workbenchModel("{\"type\": \"SseServerParams\", \"url\": \"http://h/sse\"}"))
                .serverParams();
        var http = (StreamableHttpServerParams) load(workbenchModel(
                "{\"type\": \"StreamableHttpServerParams\", \"url\": \"http://h/mcp\", \"trusted\": true}")).serverParams();

        assertThat(stdio).isEqualTo(new StdioServerParams("uvx", List.of(), null, null, "utf-8", "strict", 5));
        assertThat(sse).isEqualTo(new SseServerParams("http://h/sse", null, 5, 300));
        assertThat(http).isEqualTo(new StreamableHttpServerParams("http://h/mcp", null, 30, 300, true));
    }

    @Test
    void badConfigsNameTheFieldAndTheProblem() {
        assertThatThrownBy(() -> load(workbenchModel("{\"command\": \"uvx\"}")))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("server_params");
        assertThatThrownBy(() -> load(workbenchModel("{\"type\": \"WebSocketServerParams\", \"url\": \"ws://h\"}")))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("WebSocketServerParams");
        assertThatThrownBy(() -> load(workbenchModel("{\"type\": \"StreamableHttpServerParams\", \"url\": \"localhost:8005\"}")))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("StreamableHttpServerParams.url must be an http:// or https:// URL");
        assertThatThrownBy(() -> load(workbenchModel(
                "{\"type\": \"StdioServerParams\", \"command\": \"uvx\", \"encoding_error_handler\": \"bogus\"}")))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("encoding_error_handler must be one of strict, ignore or replace; got 'bogus'");
        assertThatThrownBy(() -> load(workbenchModel("{\"type\": \"StdioServerParams\", \"command\": \" \"}")))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("StdioServerParams.command must name the program");
    }

    @Test
    void overrideNamesMustBeUnique() throws Exception {
        var params = StdioServerParams.of("uvx", "mcp-server-fetch");
        assertThatThrownBy(() -> new McpWorkbench(params,
                Map.of("a", new ToolOverride("same", null), "b", new ToolOverride("same", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tool override name 'same' is used by multiple tools");

        ObjectNode model = (ObjectNode) new McpWorkbench(params).dumpComponent().toJsonNode();
        ((ObjectNode) model.get("config")).set("tool_overrides", AutogenJson.mapper().readTree(
                "{\"a\": {\"name\": \"same\"}, \"b\": {\"name\": \"same\"}}"));
        assertThatThrownBy(() -> load(ComponentModel.fromJsonNode(model)))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("config.tool_overrides")
                .hasMessageContaining("used by multiple tools");
    }

    @Test
    void anAdapterConfigMustMatchItsTransport() throws Exception {
        ComponentModel model = ComponentModel.fromJson("""
                {"provider": "autogen_ext.tools.mcp.SseMcpToolAdapter", "component_type": "tool",
                 "config": {"server_params": {"type": "StdioServerParams", "command": "uvx"},
                            "tool": {"name": "fetch", "inputSchema": {"type": "object"}}}}""");
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(model, Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("config.server_params")
                .hasMessageContaining("SseMcpToolAdapter needs server_params of type SseServerParams, got StdioServerParams");
    }

    @Test
    void theJavaClassNameIsAlsoAProvider() throws Exception {
        ComponentModel model = ComponentModel.fromJson("""
                {"provider": "dev.autogen.ext.tools.mcp.McpWorkbench", "component_type": "workbench",
                 "config": {"server_params": {"type": "StdioServerParams", "command": "uvx"}}}""");
        assertThat(load(model).dumpComponent().provider()).isEqualTo(McpWorkbench.PROVIDER);
    }
}
