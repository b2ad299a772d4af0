package dev.autogen.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ToolSchemaTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static class SearchTools {
        @ToolFunction("Find information on the web")
        String web_search_func(String query) {
            return "AutoGen is a programming framework for building multi-agent applications.";
        }
    }

    enum Unit { CELSIUS, FAHRENHEIT }

    record Location(String city, @ToolParam("ISO country code") String countryCode) {}

    record ForecastArgs(
            @ToolParam("Where to forecast") Location location,
            @ToolParam("Days ahead") int days,
            List<String> fields,
            Unit unit,
            Optional<String> language,
            @Nullable Double minConfidence) {}

    static class WeatherTools {
        @ToolFunction(value = "Get the weather", name = "get_weather")
        String weather(@ToolParam("City name") String city, Optional<Unit> unit, CancellationToken token) {
            return city + " " + unit.orElse(Unit.CELSIUS);
        }

        @ToolFunction("Add numbers")
        static long add(long a, long b) {
            return a + b;
        }

        String notATool() {
            return "";
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void annotatedMethodSchemaEqualsTheSeedsFunctionToolSchema() throws Exception {
        FunctionTool tool = FunctionTool.fromMethods(new SearchTools()).getFirst();
        assertThat(tree(tool.schema())).isEqualTo(json("""
                {"name": "web_search_func",
                 "description": "Find information on the web",
                 "parameters": {"type": "object",
                                "properties": {"query": {"description": "query", "title": "Query", "type": "string"}},
                                "required": ["query"],
                                "additionalProperties": false},
                 "strict": false}"""));
    }

    @Test
    void methodParametersGiveNamesDescriptionsAndOptionality() throws Exception {
        List<FunctionTool> tools = FunctionTool.fromMethods(new WeatherTools());
        assertThat(tools).extracting(FunctionTool::name).containsExactly("add", "get_weather");
        ToolSchema weather = tools.get(1).schema();
        assertThat(weather.description()).isEqualTo("Get the weather");
        assertThat(tree(weather.parameters())).isEqualTo(json("""
                {"type": "object",
                 "properties": {"city": {"description": "City name", "title": "City", "type": "string"},
                                "unit": {"description": "unit", "title": "Unit", "type": "string",
                                         "enum": ["CELSIUS", "FAHRENHEIT"], "default": null}},
                 "required": ["city"],
                 "additionalProperties": false}"""));
        assertThat(FunctionTool.fromMethods(WeatherTools.class)).extracting(FunctionTool::name).containsExactly("add");
    }

    @Test
    void recordArgumentsGivePydanticShapedSchema() throws Exception {
        FunctionTool tool = FunctionTool.of("forecast", "Weather forecast", ForecastArgs.class, args -> "ok");
        JsonNode params = JSON.valueToTree(tool.schema().parameters());
        assertThat(params.get("required")).isEqualTo(json("[\"location\", \"days\", \"fields\", \"unit\"]"));
        assertThat(params.get("additionalProperties").booleanValue()).isFalse();
        assertThat(params.get("properties").fieldNames()).toIterable()
                .containsExactly("location", "days", "fields", "unit", "language", "min_confidence");
        JsonNode props = params.get("properties");
        assertThat(props.get("days")).isEqualTo(json("""
                {"description": "Days ahead", "title": "Days", "type": "integer"}"""));
        assertThat(props.get("fields")).isEqualTo(json("""
                {"title": "Fields", "type": "array", "items": {"type": "string"}}"""));
        assertThat(props.get("min_confidence")).isEqualTo(json("""
                {"title": "Min Confidence", "type": "number", "default": null}"""));
        JsonNode location = props.get("location");
        assertThat(location.get("type").textValue()).isEqualTo("object");
        assertThat(location.get("description").textValue()).isEqualTo("Where to forecast");
        assertThat(location.get("required")).isEqualTo(json("[\"city\", \"country_code\"]"));
        assertThat(location.at("/properties/country_code")).isEqualTo(json("""
                {"type": "string", "title": "Country Code", "description": "ISO country code"}"""));
    }

    @Test
    void structuredOutputSchemaOfARecord() throws Exception {
        assertThat((JsonNode) JsonSchemas.forType(Location.class)).isEqualTo(json("""
                {"type": "object", "title": "Location",
                 "properties": {"city": {"type": "string", "title": "City"},
                                "country_code": {"type": "string", "title": "Country Code", "description": "ISO country code"}},
                 "required": ["city", "country_code"]}"""));
    }

    @Test
    void strictModeRejectsOptionalArguments() {
        assertThatThrownBy(() -> FunctionTool.of("forecast", "d", ForecastArgs.class, a -> "").withStrict(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strict mode is enabled, but arguments [language, min_confidence] are optional");
        record Strict(String a) {}
        assertThat(FunctionTool.of("s", "d", Strict.class, a -> "").withStrict(true).schema().strict()).isTrue();
    }

    @Test
    void pythonTitles() {
        assertThat(JsonSchemas.title("max_results")).isEqualTo("Max Results");
        assertThat(JsonSchemas.title("query")).isEqualTo("Query");
        assertThat(JsonSchemas.title("x2y")).isEqualTo("X2Y");
        assertThat(JsonSchemas.argumentName("countryCode")).isEqualTo("country_code");
    }

    @Test
    void classWithoutToolMethodsIsRejected() {
        assertThatThrownBy(() -> FunctionTool.fromMethods(new Object() {}))
                .hasMessageContaining("has no @ToolFunction methods");
    }

    static class Overloaded {
        @ToolFunction("a")
        String same(String a) {
            return a;
        }

        @ToolFunction("b")
        String same(int a) {
            return "" + a;
        }
    }

    @Test
    void duplicateToolNamesFromMethodsAreRejected() {
        assertThatThrownBy(() -> FunctionTool.fromMethods(new Overloaded()))
                .hasMessageContaining("duplicate tool name 'same'");
    }

    @Test
    void toolSchemaJsonRoundTrips() throws Exception {
        ToolSchema schema = FunctionTool.fromMethods(new WeatherTools()).get(1).schema();
        String text = JSON.writeValueAsString(schema);
        assertThat(JSON.readValue(text, ToolSchema.class)).isEqualTo(schema);
        assertThat(text).contains("\"additionalProperties\":false").doesNotContain("additional_properties");
        assertThat(JSON.readValue("{\"name\": \"bare\"}", ToolSchema.class))
                .isEqualTo(new ToolSchema("bare", null, null, null));
    }

    record Event(java.time.LocalDate day, java.util.UUID id, JsonNode payload, java.util.Map<String, Integer> counts) {}

    @Test
    void datesUuidsFreeFormJsonAndMapsGetPydanticLikeSchemas() throws Exception {
        JsonNode props = JsonSchemas.forType(Event.class).get("properties");
        assertThat(props.get("day")).isEqualTo(json("{\"type\": \"string\", \"format\": \"date\", \"title\": \"Day\"}"));
        assertThat(props.get("id").get("format").textValue()).isEqualTo("uuid");
        assertThat(props.get("payload")).isEqualTo(json("{\"title\": \"Payload\"}"));
        assertThat(props.get("counts").get("additionalProperties")).isEqualTo(json("{\"type\": \"integer\"}"));
        var tool = FunctionTool.of("log_event", "Logs", Event.class, e -> e.day().getYear() + ":" + e.payload().get("k"));
        var r = new StaticWorkbench(List.of(tool)).callTool("log_event", json("""
                {"day": "2025-01-02", "id": "123e4567-e89b-12d3-a456-426614174000", "payload": {"k": 1}, "counts": {}}"""));
        assertThat(r).isEqualTo(ToolResult.text("log_event", "2025:1"));
    }
}
