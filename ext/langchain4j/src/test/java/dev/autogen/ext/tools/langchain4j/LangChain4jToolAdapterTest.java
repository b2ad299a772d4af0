package dev.autogen.ext.tools.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.ToolResult;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.output.structured.Description;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LangChain4jToolAdapterTest {

    /** A LangChain4j tool class as users write them. */
    static final class Calculator {
        enum Rounding { UP, DOWN }

        record Point(@Description("Horizontal position") double x, double y) {}

        @dev.langchain4j.agent.tool.Tool("Adds two integers")
        int add(@P("First addend") int a, @P(value = "Second addend", required = false) Integer b) {
            return a + (b == null ? 0 : b);
        }

        @dev.langchain4j.agent.tool.Tool(name = "distance", value = "Distance of a point from the origin")
        double distanceFromOrigin(Point point, @P("How to round") Rounding rounding, List<String> notes) {
            double d = Math.hypot(point.x(), point.y());
            return rounding == Rounding.UP ? Math.ceil(d) : Math.floor(d);
        }

        @dev.langchain4j.agent.tool.Tool("Divides a by b")
        int divide(int a, int b) {
            if (b == 0) {
                throw new ArithmeticException("cannot divide " + a + " by zero");
            }
            return a / b;
        }

        @dev.langchain4j.agent.tool.Tool("Greets a user of the current conversation")
        String greet(@ToolMemoryId Object memoryId, String name) {
            return "Hello " + name + " (" + memoryId + ")";
        }

        String notATool() {
            return "";
        }
    }

    private static JsonNode json(String text) throws IOException {
        return AutogenJson.mapper().readTree(text);
    }

    private static Map<String, Tool> byName(List<? extends Tool> tools) {
        return tools.stream().collect(java.util.stream.Collectors.toMap(Tool::name, t -> t));
    }

    @Test
    void wrapsEveryToolMethodInNameOrder() {
        List<LangChain4jToolAdapter> tools = LangChain4jToolAdapter.fromObject(new Calculator());

        assertThat(tools).extracting(Tool::name).containsExactly("add", "distance", "divide", "greet");
        assertThat(tools.getFirst().description()).isEqualTo("Adds two integers");
    }

    @Test
    void mapsTheSchemaOfAnnotatedMethods() throws Exception {
        Map<String, Tool> tools = byName(LangChain4jToolAdapter.fromObject(new Calculator()));

        assertThat((Object) AutogenJson.mapper().valueToTree(tools.get("add").schema())).isEqualTo(json("""
                {"name": "add", "description": "Adds two integers",
                 "parameters": {"type": "object",
                                "properties": {"a": {"type": "integer", "description": "First addend"},
                                               "b": {"type": "integer", "description": "Second addend"}},
                                "required": ["a"], "additionalProperties": false},
                 "strict": false}"""));
        assertThat((Object) AutogenJson.mapper().valueToTree(tools.get("distance").schema().parameters())).isEqualTo(json("""
                {"type": "object",
                 "properties": {"point": {"type": "object",
                                          "properties": {"x": {"type": "number", "description": "Horizontal position"},
                                                         "y": {"type": "number"}},
                                          "required": ["x", "y"]},
                                "rounding": {"type": "string", "description": "How to round", "enum": ["UP", "DOWN"]},
                                "notes": {"type": "array", "items": {"type": "string"}}},
                 "required": ["point", "rounding", "notes"], "additionalProperties": false}"""));
        assertThat(tools.get("greet").schema().parameters().properties()).containsOnlyKeys("name");
    }

    @Test
    void callsTheMethodWithTheModelsArguments() throws Exception {
        var workbench = new StaticWorkbench(LangChain4jToolAdapter.fromObject(new Calculator()));

        ToolResult add = workbench.callTool("add", json("{\"a\": 2, \"b\": 40}"), null, "call-1");
        assertThat(add.isError()).isFalse();
        assertThat(add.toText()).isEqualTo("42");

        assertThat(workbench.callTool("add", json("{\"a\": 5}"), null, "call-2").toText()).isEqualTo("5");

        ToolResult distance = workbench.callTool("distance",
                json("{\"point\": {\"x\": 3, \"y\": 4.2}, \"rounding\": \"DOWN\", \"notes\": [\"n\"]}"), null, "call-3");
        assertThat(distance.toText()).isEqualTo("5.0");

        assertThat(workbench.callTool("greet", json("{\"name\": \"Ada\"}"), null, "call-4").toText())
                .isEqualTo("Hello Ada (default)");
    }

    @Test
    void anExceptionFromTheToolIsAnErrorResultWithItsMessage() throws Exception {
        var tools = LangChain4jToolAdapter.fromObject(new Calculator());
        Tool divide = byName(tools).get("divide");

        assertThatThrownBy(() -> divide.runJson(json("{\"a\": 1, \"b\": 0}"), new CancellationToken(), "c"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("cannot divide 1 by zero");

        ToolResult result = new StaticWorkbench(tools).callTool("divide", json("{\"a\": 1, \"b\": 0}"), null, "c");
        assertThat(result.isError()).isTrue();
        assertThat(result.toText()).isEqualTo("cannot divide 1 by zero");
    }

    @Test
    void malformedArgumentsAreClearErrors() throws Exception {
        var tools = LangChain4jToolAdapter.fromObject(new Calculator());
        Tool add = byName(tools).get("add");
        Tool distance = byName(tools).get("distance");

        assertThatThrownBy(() -> add.runJson(json("{\"a\": \"many\"}"), new CancellationToken(), "c"))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessageStartingWith("invalid arguments for tool 'add': ")
                .hasMessageContaining("\"a\"")
                .hasMessageEndingWith("given: {\"a\":\"many\"}");
        assertThatThrownBy(() -> distance.runJson(json("{\"rounding\": \"UP\", \"notes\": []}"), new CancellationToken(), "c"))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessage("missing required argument 'point' for tool 'distance'; given: {\"rounding\":\"UP\",\"notes\":[]}");
        assertThatThrownBy(() -> add.runJson(json("[1, 2]"), new CancellationToken(), "c"))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessage("invalid arguments for tool 'add': expected a JSON object, got array [1,2]");

        ToolResult viaWorkbench = new StaticWorkbench(tools).callTool("add", json("{\"b\": 1}"), null, "c");
        assertThat(viaWorkbench.isError()).isTrue();
        assertThat(viaWorkbench.toText()).contains("missing required argument 'a' for tool 'add'");
    }

    @Test
    void wrapsASpecificationWithItsExecutor() throws Exception {
        AtomicReference<ToolExecutionRequest> seen = new AtomicReference<>();
        ToolSpecification spec = ToolSpecification.builder()
                .name("lookup").description("Looks up a city")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("city", "City name")
                        .addIntegerProperty("limit")
                        .required("city")
                        .build())
                .build();
        var tool = LangChain4jToolAdapter.of(spec, (request, memoryId) -> {
            seen.set(request);
            return "found " + request.arguments().replaceAll(".*\"city\":\"([^\"]*)\".*", "$1");
        });

        ToolResult result = new StaticWorkbench(List.of(tool)).callTool("lookup", json("{\"city\": \"Oslo\", \"limit\": 3}"), null, "call-9");

        assertThat(result.isError()).isFalse();
        assertThat(result.toText()).isEqualTo("found Oslo");
        assertThat(seen.get().id()).isEqualTo("call-9");
        assertThat(seen.get().name()).isEqualTo("lookup");
        assertThat(json(seen.get().arguments())).isEqualTo(json("{\"city\": \"Oslo\", \"limit\": 3}"));
        assertThat(tool.toolSpecification()).isSameAs(spec);
    }

    @Test
    void anExecutorsRuntimeExceptionIsAnErrorResult() throws Exception {
        ToolSpecification spec = ToolSpecification.builder().name("flaky").description("Fails").build();
        var tool = LangChain4jToolAdapter.of(spec, (request, memoryId) -> {
            throw new IllegalStateException("service unavailable");
        });

        assertThat(tool.schema().parameters().properties()).isEmpty();
        ToolResult result = new StaticWorkbench(List.of(tool)).callTool("flaky", json("{}"), null, "c");
        assertThat(result.isError()).isTrue();
        assertThat(result.toText()).isEqualTo("service unavailable");
    }

    @Test
    void mapsEverySchemaElementType() throws Exception {
        JsonObjectSchema address = JsonObjectSchema.builder().addStringProperty("street").required("street").build();
        ToolSpecification spec = ToolSpecification.builder()
                .name("ship").strict(true)
                .parameters(JsonObjectSchema.builder()
                        .addProperty("to", JsonReferenceSchema.builder().reference("Address").build())
                        .addProperty("via", JsonArraySchema.builder().description("Stops")
                                .items(JsonReferenceSchema.builder().reference("Address").build()).build())
                        .addProperty("note", JsonAnyOfSchema.builder()
                                .anyOf(JsonStringSchema.builder().build(), new JsonNullSchema()).build())
                        .addNumberProperty("weight", "Kilograms")
                        .addBooleanProperty("express")
                        .addEnumProperty("speed", List.of("slow", "fast"))
                        .addProperty("extra", JsonRawSchema.from("{\"type\": \"string\", \"format\": \"date\"}"))
                        .required("to")
                        .definitions(Map.of("Address", address))
                        .build())
                .build();

        var tool = LangChain4jToolAdapter.of(spec, (request, memoryId) -> "ok");

        assertThat(tool.description()).isEmpty();
        assertThat(tool.schema().strict()).isTrue();
        assertThat((Object) AutogenJson.mapper().valueToTree(tool.schema().parameters())).isEqualTo(json("""
                {"type": "object",
                 "properties": {
                   "to": {"type": "object", "properties": {"street": {"type": "string"}}, "required": ["street"]},
                   "via": {"type": "array", "description": "Stops",
                           "items": {"type": "object", "properties": {"street": {"type": "string"}}, "required": ["street"]}},
                   "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                   "weight": {"type": "number", "description": "Kilograms"},
                   "express": {"type": "boolean"},
                   "speed": {"type": "string", "enum": ["slow", "fast"]},
                   "extra": {"type": "string", "format": "date"}},
                 "required": ["to"], "additionalProperties": false}"""));
        assertThat((Object) LangChain4jSchemas.toJson(address)).isEqualTo(json("""
                {"type": "object", "properties": {"street": {"type": "string"}}, "required": ["street"]}"""));
    }

    @Test
    void rejectsObjectsWithoutToolsAndDuplicateNames() {
        assertThatThrownBy(() -> LangChain4jToolAdapter.fromObject(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.Object has no methods annotated with dev.langchain4j.agent.tool.Tool");
        assertThatThrownBy(() -> LangChain4jToolAdapter.fromObject(new Duplicates()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Duplicates.class.getName())
                .hasMessageContaining("same");
    }

    static final class Duplicates {
        @dev.langchain4j.agent.tool.Tool(name = "same", value = "one")
        String one() {
            return "1";
        }

        @dev.langchain4j.agent.tool.Tool(name = "same", value = "two")
        String two() {
            return "2";
        }
    }
}
