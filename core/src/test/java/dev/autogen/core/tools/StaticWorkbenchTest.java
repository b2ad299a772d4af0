package dev.autogen.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.core.tools.annotation.ToolParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StaticWorkbenchTest {
    private static final ObjectMapper JSON = AutogenJson.mapper();

    private static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
    private static final String PNG_1X1 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    record AddArgs(@ToolParam("First") int a, @ToolParam("Second") int b) {}

    static final class AddTool extends BaseTool<AddArgs, Integer> {
        AddTool() {
            super(AddArgs.class, "add", "Adds two numbers");
        }

        @Override
        public Integer run(AddArgs args, CancellationToken token) {
            return args.a() + args.b();
        }
    }

    static class Tools {
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean interrupted;

        @ToolFunction("Fails")
        String explode(String reason) {
            throw new IllegalStateException("boom: " + reason);
        }

        @ToolFunction("Sleeps")
        String sleep() {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            return "woke";
        }

        @ToolFunction("Weather")
        String weather(String city, int days) {
            return city + ":" + days;
        }

        @ToolFunction("Async echo")
        java.util.concurrent.CompletableFuture<String> echoLater(String text) {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> text + "!");
        }

        @ToolFunction("Async failure")
        java.util.concurrent.CompletableFuture<String> failLater() {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalArgumentException("quota exceeded"));
        }
    }

    private static FunctionCall call(String name, String args) {
        return new FunctionCall("c1", args, name);
    }

    @Test
    void callsATypedToolAndReturnsText() throws Exception {
        var workbench = new StaticWorkbench(List.of(new AddTool()));
        ToolResult r = workbench.callTool("add", JSON.readTree("{\"a\": 2, \"b\": 3}"));
        assertThat(r).isEqualTo(ToolResult.text("add", "5"));
        assertThat(workbench.listTools()).extracting(ToolSchema::name).containsExactly("add");
    }

    @Test
    void malformedJsonArgumentsGiveAnErrorResult() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new Tools()));
        ToolResult r = workbench.callTool(call("weather", "{\"city\": \"Paris\", "), null);
        assertThat(r.isError()).isTrue();
        assertThat(r.toText()).contains("Invalid JSON arguments for tool 'weather'").contains("{\"city\": \"Paris\", ");
    }

    @Test
    void missingRequiredArgumentGivesAnErrorResultNamingIt() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new Tools()));
        ToolResult r = workbench.callTool(call("weather", "{\"city\": \"Paris\"}"), null);
        assertThat(r.isError()).isTrue();
        assertThat(r.toText()).contains("missing required argument 'days' for tool 'weather'");
        ToolResult typed = new StaticWorkbench(List.of(new AddTool())).callTool(call("add", "{\"a\": 1}"), null);
        assertThat(typed.isError()).isTrue();
        assertThat(typed.toText()).contains("missing required argument 'b' for tool 'add'");
    }

    @Test
    void wrongArgumentTypeGivesAnErrorResult() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new Tools()));
        ToolResult r = workbench.callTool(call("weather", "{\"city\": \"Paris\", \"days\": \"many\"}"), null);
        assertThat(r.isError()).isTrue();
        assertThat(r.toText()).contains("invalid argument 'days' for tool 'weather'").contains("\"many\"");
        ToolResult notObject = workbench.callTool(call("weather", "[1, 2]"), null);
        assertThat(notObject.toText()).contains("expected a JSON object");
    }

    @Test
    void throwingBodyGivesAnErrorResultWithItsMessage() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new Tools()));
        ToolResult r = workbench.callTool(call("explode", "{\"reason\": \"disk full\"}"), null);
        assertThat(r).isEqualTo(ToolResult.error("explode", "boom: disk full"));
    }

    @Test
    void futuresReturnedByToolMethodsAreAwaited() {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new Tools()));
        assertThat(workbench.callTool(call("echoLater", "{\"text\": \"hi\"}"), null)).isEqualTo(ToolResult.text("echoLater", "hi!"));
        assertThat(workbench.callTool(call("failLater", "{}"), null)).isEqualTo(ToolResult.error("failLater", "quota exceeded"));
    }

    @Test
    void unknownToolGivesAnErrorResult() {
        ToolResult r = new StaticWorkbench(List.of(new AddTool())).callTool(call("nope", "{}"), null);
        assertThat(r.isError()).isTrue();
        assertThat(r.toText()).startsWith("Tool nope not found.");
    }

    @Test
    void duplicateToolNamesAreRejected() {
        assertThatThrownBy(() -> new StaticWorkbench(List.of(new AddTool(), new AddTool())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate tool name 'add'");
    }

    @Test
    void overridesRenameAndRedescribeTools() throws Exception {
        var workbench = new StaticWorkbench(List.of(new AddTool()), Map.of("add", new ToolOverride("sum", "Sums")));
        assertThat(workbench.listTools()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("sum");
            assertThat(s.description()).isEqualTo("Sums");
        });
        assertThat(workbench.callTool("sum", JSON.readTree("{\"a\": 1, \"b\": 1}"))).isEqualTo(ToolResult.text("sum", "2"));
        var tools = new ArrayList<dev.autogen.core.tools.Tool>(FunctionTool.fromMethods(new Tools()));
        tools.add(new AddTool());
        assertThatThrownBy(() -> new StaticWorkbench(tools, Map.of("add", new ToolOverride("weather", null))))
                .hasMessageContaining("Tool override name 'weather' conflicts with existing tool name");
        assertThatThrownBy(() -> new StaticWorkbench(tools, Map.of("add", new ToolOverride("x", null),
                "weather", new ToolOverride("x", null)))).hasMessageContaining("is used by multiple tools");
    }

    @Test
    void cancellingTheTokenInterruptsTheToolAndThrows() throws Exception {
        Tools target = new Tools();
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(target));
        var token = new CancellationToken();
        Thread.ofVirtual().start(() -> {
            try {
                target.started.await();
            } catch (InterruptedException e) {
                return;
            }
            token.cancel();
        });
        assertThatThrownBy(() -> workbench.callTool("sleep", null, token, "c9"))
                .isInstanceOf(CancellationException.class);
        for (int i = 0; i < 500 && !target.interrupted; i++) {
            Thread.sleep(10);
        }
        assertThat(target.interrupted).isTrue();
    }

    @Test
    void streamToolsEmitItemsBeforeTheResult() {
        StreamTool counter = new StreamTool() {
            @Override
            public String name() {
                return "count";
            }

            @Override
            public String description() {
                return "Counts to three";
            }

            @Override
            public ToolSchema schema() {
                return new ToolSchema("count", "Counts to three", ParametersSchema.of(Map.of(), List.of()), false);
            }

            @Override
            public Object runJson(JsonNode args, CancellationToken token, @Nullable String callId) {
                return "3";
            }

            @Override
            public Object runJsonStream(JsonNode args, CancellationToken token, @Nullable String callId, Consumer<Object> emit) {
                emit.accept(1);
                emit.accept(2);
                return "done";
            }
        };
        List<Object> events = new ArrayList<>();
        ToolResult r = new StaticStreamWorkbench(List.of(counter)).callToolStream("count", null, null, null, events::add);
        assertThat(events).containsExactly(1, 2);
        assertThat(r).isEqualTo(ToolResult.text("count", "done"));
    }

    @Test
    void toolResultJsonMatchesPython() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(PNG_1X1);
        var r = new ToolResult("draw", List.of(new ResultContent.Text("here"), new ResultContent.ImageContent(Image.fromBytes(png))), false);
        JsonNode expected = JSON.readTree("""
                {"type": "ToolResult", "name": "draw",
                 "result": [{"type": "TextResultContent", "content": "here"},
                            {"type": "ImageResultContent", "content": {"data": "%s"}}],
                 "is_error": false}""".formatted(PNG_1X1));
        assertThat(tree(r)).isEqualTo(expected);
        assertThat(JSON.treeToValue(expected, ToolResult.class)).isEqualTo(r);
        assertThat(r.toText("<img>")).isEqualTo("here\n<img>");
    }

    @Test
    void tokenIsPassedToMethodsThatAskForIt() throws Exception {
        var workbench = new StaticWorkbench(FunctionTool.fromMethods(new ToolSchemaTest.WeatherTools()));
        assertThat(workbench.callTool("get_weather", JSON.readTree("{\"city\": \"Oslo\", \"unit\": \"FAHRENHEIT\"}")).toText())
                .isEqualTo("Oslo FAHRENHEIT");
        assertThat(workbench.callTool("get_weather", JSON.readTree("{\"city\": \"Oslo\"}")).toText()).isEqualTo("Oslo CELSIUS");
    }

    static final class CounterTool extends BaseTool<CounterTool.NoArgs, Integer> {
        record NoArgs() {}

        private int count;

        CounterTool() {
            super(NoArgs.class, "counter", "Counts calls");
        }

        @Override
        public Integer run(NoArgs args, CancellationToken token) {
            return ++count;
        }

        @Override
        public Map<String, Object> saveStateJson() {
            return Map.of("count", count);
        }

        @Override
        public void loadStateJson(Map<String, Object> state) {
            count = ((Number) state.get("count")).intValue();
        }
    }

    @Test
    void stateIsSavedPerToolAsPythonsStaticWorkbenchState() throws Exception {
        var workbench = new StaticWorkbench(List.of(new CounterTool()));
        workbench.callTool("counter", null);
        workbench.callTool("counter", null);
        Map<String, Object> state = workbench.saveState();
        assertThat(tree(state))
                .isEqualTo(JSON.readTree("{\"type\": \"StaticWorkbenchState\", \"tools\": {\"counter\": {\"count\": 2}}}"));
        var restored = new StaticWorkbench(List.of(new CounterTool()));
        restored.loadState(JSON.convertValue(tree(state), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
        assertThat(restored.callTool("counter", null).toText()).isEqualTo("3");
        assertThat(new CounterTool().schema().parameters().properties()).isEmpty();
    }
}
