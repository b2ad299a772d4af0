package dev.autogen.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkbenchComponentTest {
    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = WorkbenchComponentTest.class.getResourceAsStream("/fixtures/autogen-python/" + name)) {
            return AutogenJson.mapper().readTree(in);
        }
    }

    @Test
    void pythonsAssistantWorkbenchLoadsAndDumpsUnchanged() throws Exception {
        JsonNode python = fixture("03_round_robin_dump_component.normalized.json")
                .at("/component/config/participants/0/config/workbench/0");
        assertThat(python.path("provider").asText()).isEqualTo("autogen_core.tools.StaticStreamWorkbench");

        Workbench workbench = ComponentLoader.loadComponent(ComponentModel.fromJsonNode(python), Workbench.class);

        assertThat(workbench).isInstanceOf(StaticStreamWorkbench.class);
        assertThat(workbench.listTools()).isEmpty();
        assertThat(workbench.dumpComponent().toJsonNode()).isEqualTo(python);
    }

    @Test
    void pythonFunctionToolFailsWithAPreciseMessage() throws Exception {
        JsonNode gallery = fixture("default_gallery.json");
        JsonNode workbench = gallery.at("/components/teams/0/config/participants/0/config/workbench/0");
        assertThat(workbench.path("provider").asText()).isEqualTo("autogen_core.tools.StaticWorkbench");

        assertThatThrownBy(() -> ComponentLoader.loadComponent(ComponentModel.fromJsonNode(workbench), Workbench.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("config.tools[0].config.source_code")
                .hasMessageContaining("Python FunctionTool 'calculator' is Python source code");
    }

    @Test
    void javaFunctionToolsHaveNoConfigAndSaySo() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new ToolSchemaTest.SearchTools()));
        assertThatThrownBy(workbench::dumpComponent)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("FunctionTool 'web_search_func' wraps Java code");
        assertThat(new StaticWorkbench(List.of()).dumpComponent().toJson())
                .isEqualTo("{\"provider\":\"autogen_core.tools.StaticWorkbench\",\"component_type\":\"workbench\","
                        + "\"version\":1,\"component_version\":1,\"description\":\"A workbench that provides a static set"
                        + " of tools that do not change after\\n    each tool execution.\",\"label\":\"StaticWorkbench\","
                        + "\"config\":{\"tools\":[],\"tool_overrides\":{}}}");
    }
}
