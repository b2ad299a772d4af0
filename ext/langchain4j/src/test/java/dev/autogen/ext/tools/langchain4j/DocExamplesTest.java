package dev.autogen.ext.tools.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.ToolResult;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LangChain4j examples of docs/tools-http-code-langchain4j.md, run as written. */
class DocExamplesTest {
    static class WeatherTools {
        @dev.langchain4j.agent.tool.Tool("Current temperature in a city, in Celsius")
        double temperature(@P("City name") String city) {
            return city.equals("Oslo") ? -3.5 : 21.0;
        }
    }

    @Test
    void annotatedObjectExample() throws Exception {
        List<LangChain4jToolAdapter> tools = LangChain4jToolAdapter.fromObject(new WeatherTools());
        var workbench = new StaticWorkbench(tools);
        ToolResult result = workbench.callTool("temperature",
                AutogenJson.mapper().readTree("{\"city\": \"Oslo\"}"), null, "call-1");

        assertThat(result.toText()).isEqualTo("-3.5");
    }

    @Test
    void specificationAndExecutorExample() throws Exception {
        ToolSpecification spec = ToolSpecification.builder()
                .name("shout").description("Upper-cases text")
                .parameters(JsonObjectSchema.builder().addStringProperty("text", "What to shout").required("text").build())
                .build();
        LangChain4jToolAdapter shout = LangChain4jToolAdapter.of(spec,
                (request, memoryId) -> request.arguments().toUpperCase());

        ToolResult result = new StaticWorkbench(List.of(shout))
                .callTool("shout", AutogenJson.mapper().readTree("{\"text\": \"hi\"}"), null, "c");
        assertThat(result.toText()).isEqualTo("{\"TEXT\":\"HI\"}");
    }
}
