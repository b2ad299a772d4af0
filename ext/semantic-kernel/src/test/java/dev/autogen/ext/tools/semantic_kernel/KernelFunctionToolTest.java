package dev.autogen.ext.tools.semantic_kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.contextvariables.ContextVariable;
import com.microsoft.semantickernel.orchestration.FunctionResult;
import com.microsoft.semantickernel.plugin.KernelPlugin;
import com.microsoft.semantickernel.plugin.KernelPluginFactory;
import com.microsoft.semantickernel.semanticfunctions.InputVariable;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelFunctionToolTest {

    public static final class LightsPlugin {
        @DefineKernelFunction(name = "change_state", description = "Turns a light on or off")
        public String changeState(
                @KernelFunctionParameter(name = "id", description = "The light's number", type = int.class) int id,
                @KernelFunctionParameter(name = "on", description = "Whether to turn it on", type = boolean.class) boolean on) {
            return "light " + id + (on ? " on" : " off");
        }
    }

    private final Kernel kernel = Kernel.builder().build();

    @Test
    void aKernelFunctionBecomesAToolWithItsParametersAsTheSchema() throws Exception {
        KernelPlugin plugin = KernelPluginFactory.createFromObject(new LightsPlugin(), "lights");
        List<Tool> tools = KernelFunctionTool.fromPlugin(plugin, kernel);
        assertThat(tools).hasSize(1);
        Tool tool = tools.getFirst();

        assertThat(tool.name()).isEqualTo("change_state");
        assertThat(tool.description()).isEqualTo("Turns a light on or off");
        JsonNode schema = AutogenJson.mapper().valueToTree(tool.schema().parameters());
        assertThat(schema.path("properties").path("id").path("type").asText()).isEqualTo("integer");
        assertThat(schema.path("properties").path("on").path("type").asText()).isEqualTo("boolean");
        assertThat(schema.path("properties").path("id").path("description").asText()).isEqualTo("The light's number");
        assertThat(tool.schema().parameters().required()).containsExactlyInAnyOrder("id", "on");

        Object result = tool.runJson(AutogenJson.mapper().readTree("{\"id\": 3, \"on\": true}"), new CancellationToken(), "c1");
        assertThat(result).isEqualTo("light 3 on");
        assertThat(KernelFunctionTool.qualified(plugin.get("change_state"), kernel).name()).isEqualTo("lights-change_state");
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        KernelPlugin plugin = KernelPluginFactory.createFromObject(new LightsPlugin(), "lights");
        Tool tool = KernelFunctionTool.of(plugin.get("change_state"), kernel);
        assertThatThrownBy(() -> tool.runJson(AutogenJson.mapper().readTree("{\"id\": 3}"), new CancellationToken(), null))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessage("tool 'change_state' is missing required argument 'on'");
    }

    static final class Calculator {
        @ToolFunction("Adds two numbers")
        double add(@ToolParam("first") double a, @ToolParam("second") double b) {
            return a + b;
        }
    }

    @Test
    void anAutogenToolBecomesAKernelFunctionThatRunsIt() {
        Tool add = FunctionTool.fromMethods(new Calculator()).getFirst();
        KernelFunctionFromTool function = KernelFunctionFromTool.of(add, "math");

        assertThat(function.getName()).isEqualTo("add");
        assertThat(function.getPluginName()).isEqualTo("math");
        assertThat(function.getDescription()).isEqualTo("Adds two numbers");
        assertThat(function.getMetadata().getParameters()).extracting(InputVariable::getName).containsExactly("a", "b");
        assertThat(function.getMetadata().getParameters()).allSatisfy(p -> {
            assertThat(p.isRequired()).isTrue();
            assertThat(SKArguments.jsonType(p.getType())).isEqualTo("number");
        });

        Kernel withPlugin = Kernel.builder().withPlugin(new KernelPlugin("math", "Math", Map.of("add", function))).build();
        FunctionResult<String> result = withPlugin.<String>getFunction("math", "add").invokeAsync(withPlugin)
                .withArguments(KernelFunctionArguments.builder()
                        .withVariable("a", ContextVariable.of("1.5"))
                        .withVariable("b", ContextVariable.of("2"))
                        .build())
                .block();
        assertThat(result.getResult()).isEqualTo("3.5");
    }

    @Test
    void aSchemaOnlyFunctionSaysItCannotBeInvoked() {
        Tool add = FunctionTool.fromMethods(new Calculator()).getFirst();
        KernelFunctionFromTool function = KernelFunctionFromTool.ofSchema(add.schema(), null);
        assertThatThrownBy(() -> function.invokeAsync(kernel).block())
                .hasMessageContaining("function 'add' only describes a tool schema and cannot be invoked");
    }
}
