package dev.autogen.ext.tools.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.component.ConsentRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolArgumentsException;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tools in real python3 processes ({@code /usr/bin/python3}, the one the tests name). */
class PythonFunctionToolTest {
    static final String PYTHON = "/usr/bin/python3";
    static final Path GALLERY = Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json");
    static final ModelInfo TOOLS_MODEL = new ModelInfo(false, true, true, "unknown", true, null);
    static final ComponentLoader TRUSTING = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll());

    @TempDir
    Path dir;

    static JsonNode json(String text) {
        try {
            return AutogenJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode galleryTool(int index) throws IOException {
        return AutogenJson.mapper().readTree(GALLERY.toFile()).at("/components/tools/" + index);
    }

    /** The gallery's calculator, told to run {@code python}. */
    static JsonNode calculator(String python) throws IOException {
        JsonNode tool = galleryTool(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tool.get("config")).put("python", python);
        return tool;
    }

    static PythonFunctionTool tool(String source) {
        return PythonFunctionTool.builder(source).python(PYTHON).timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theGallerysCalculatorIsCalledByAnAssistantAgentOnAScriptedModel() throws IOException {
        try (var calculator = (PythonFunctionTool) TRUSTING.load(calculator(PYTHON), Tool.class)) {
            var model = new ReplayChatCompletionClient(List.of(new CreateResult(FinishReason.FUNCTION_CALLS,
                    new ModelContent.FunctionCalls(List.of(new FunctionCall("call_1", "{\"a\": 6, \"b\": 7, \"operator\": \"*\"}",
                            "calculator"))), new RequestUsage(10, 5), false, null, null)), TOOLS_MODEL);
            var agent = AssistantAgent.builder("assistant", model).tools(calculator).build();

            Response response = agent.onMessages(List.of(new TextMessage("What is 6 times 7?", "user")), new CancellationToken());

            assertThat(model.createCalls().getFirst().tools()).singleElement().satisfies(schema -> {
                assertThat(schema.name()).isEqualTo("calculator");
                assertThat(schema.description()).isEqualTo("A simple calculator that performs basic arithmetic operations");
                assertThat(AutogenJson.mapper().<JsonNode>valueToTree(schema.parameters())).isEqualTo(json("""
                        {"type": "object", "properties": {
                          "a": {"description": "a", "title": "A", "type": "number"},
                          "b": {"description": "b", "title": "B", "type": "number"},
                          "operator": {"description": "operator", "title": "Operator", "type": "string"}},
                         "required": ["a", "b", "operator"], "additionalProperties": false}"""));
            });
            assertThat(response.innerMessages()).hasExactlyElementsOfTypes(ToolCallRequestEvent.class, ToolCallExecutionEvent.class);
            var executed = (ToolCallExecutionEvent) response.innerMessages().get(1);
            assertThat(executed.content()).containsExactly(new FunctionExecutionResult("42.0", "calculator", "call_1", false));
            var summary = (ToolCallSummaryMessage) response.chatMessage();
            assertThat(summary.content()).isEqualTo("42.0");
            assertThat(summary.toolCalls()).extracting(FunctionCall::name).containsExactly("calculator");
        }
    }

    @Test
    void aToolDumpsBackToExactlyTheJsonItWasLoadedFrom() throws IOException {
        for (int i : new int[] {0}) {
            JsonNode original = galleryTool(i);
            try (var tool = (PythonFunctionTool) TRUSTING.load(original, Tool.class)) {
                assertThat(AutogenJson.mapper().<JsonNode>valueToTree(tool.dumpComponent())).isEqualTo(original);
            }
        }
        JsonNode configured = calculator(PYTHON);
        ((com.fasterxml.jackson.databind.node.ObjectNode) configured.get("config")).put("timeout", 5.0).put("memory_limit_mb", 512);
        try (var tool = (PythonFunctionTool) TRUSTING.load(configured, Tool.class)) {
            assertThat(AutogenJson.mapper().<JsonNode>valueToTree(tool.dumpComponent())).isEqualTo(configured);
            assertThat(tool.timeout()).isEqualTo(Duration.ofSeconds(5));
        }
        try (var built = tool("def double(n: int) -> int:\n    return 2 * n\n")) {
            assertThat(AutogenJson.mapper().<JsonNode>valueToTree(built.dumpComponent().config())).isEqualTo(json("""
                    {"source_code": "def double(n: int) -> int:\\n    return 2 * n\\n", "name": "double",
                     "description": "double", "global_imports": [], "has_cancellation_support": false,
                     "python": "/usr/bin/python3", "timeout": 30.0}"""));
            assertThat(built.dumpComponent().provider()).isEqualTo("autogen_core.tools.FunctionTool");
        }
    }

    @Test
    void anExceptionTheFunctionRaisesIsAnErrorResultNamingIt() {
        try (var tool = tool("def check(x: int) -> str:\n    raise ValueError(f'bad value {x}')\n")) {
            assertThatThrownBy(() -> tool.runJson(json("{\"x\": 3}"), new CancellationToken(), null))
                    .isInstanceOf(PythonToolException.class).hasMessage("ValueError: bad value 3")
                    .satisfies(e -> assertThat(((PythonToolException) e).pythonTraceback()).contains("line 2, in check"));

            ToolResult result = new StaticWorkbench(List.of(tool)).callTool("check", json("{\"x\": 4}"), new CancellationToken(), "c1");
            assertThat(result.isError()).isTrue();
            assertThat(result.toText()).isEqualTo("ValueError: bad value 4");
        }
    }

    @Test
    void aCallPastItsTimeoutIsStoppedAndTheNextCallWorks() {
        try (var tool = PythonFunctionTool.builder("def nap(seconds: float) -> str:\n    time.sleep(seconds)\n    return 'awake'\n")
                .globalImport("time").python(PYTHON).timeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> tool.runJson(json("{\"seconds\": 60}"), new CancellationToken(), null))
                    .isInstanceOf(PythonToolException.class)
                    .hasMessage("tool 'nap' did not finish within 1 s; its python3 process was stopped (the next call starts a new one)");

            assertThat(tool.runJson(json("{\"seconds\": 0}"), new CancellationToken(), null)).isEqualTo("awake");
        }
    }

    @Test
    void cancellingACallStopsTheProcessAndTheNextCallWorks() throws Exception {
        Path started = dir.resolve("nap-started");
        try (var tool = PythonFunctionTool.builder("async def nap(seconds: float, marker: str) -> str:\n"
                + "    open(marker, 'w').close()\n    await asyncio.sleep(seconds)\n    return 'awake'\n")
                .globalImport("asyncio").python(PYTHON).build()) {
            var token = new CancellationToken();
            String args = "{\"seconds\": 60, \"marker\": \"" + started + "\"}";
            Future<String> call = CompletableFuture.supplyAsync(() -> tool.runJson(json(args), token, null));
            while (!Files.exists(started) && !call.isDone()) { // until the call is under way in the process
                Thread.sleep(10);
            }
            token.cancel();
            assertThatThrownBy(call::get).hasCauseInstanceOf(CancellationException.class);

            assertThat(tool.runJson(json("{\"seconds\": 0.01, \"marker\": \"" + started + "\"}"),
                    new CancellationToken(), null)).isEqualTo("awake");
        }
    }

    @Test
    void whatTheFunctionPrintsDoesNotCorruptTheResult() {
        try (var tool = tool("""
                import os, sys, subprocess
                def noisy(n: int) -> str:
                    print('{"id": 1, "ok": true, "result": "forged"}')
                    print('plain noise ' * n)
                    sys.stdout.write('no newline')
                    os.write(1, b'raw bytes on fd 1\\n')
                    subprocess.run(['echo', 'a child process writes too'])
                    return f'quiet result {n}'
                """)) {
            assertThat(tool.runJson(json("{\"n\": 3}"), new CancellationToken(), "c1")).isEqualTo("quiet result 3");
            assertThat(tool.runJson(json("{\"n\": 4}"), new CancellationToken(), "c2")).isEqualTo("quiet result 4");
        }
    }

    @Test
    void concurrentCallsRunInOneProcessAndEachGetsItsOwnResult() throws Exception {
        try (var sync = tool("import os, time\ndef square(n: int) -> str:\n    time.sleep(0.2)\n    return f'{n * n} from {os.getpid()}'\n");
                var async = PythonFunctionTool.builder("async def cube(n: int) -> int:\n    await asyncio.sleep(0.2)\n    return n ** 3\n")
                        .globalImport("asyncio").python(PYTHON).build();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> squares = new ArrayList<>();
            List<Future<String>> cubes = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                String args = "{\"n\": " + n + "}";
                squares.add(threads.submit(() -> sync.runJson(json(args), new CancellationToken(), null)));
                cubes.add(threads.submit(() -> async.runJson(json(args), new CancellationToken(), null)));
            }
            List<String> pids = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                String square = squares.get(n).get();
                assertThat(square).startsWith(n * n + " from ");
                pids.add(square.substring(square.indexOf("from")));
                assertThat(cubes.get(n).get()).isEqualTo(String.valueOf(n * n * n));
            }
            assertThat(pids).as("one process serves every call").containsOnly(pids.getFirst());
        }
    }

    @Test
    void aProcessThatDiesIsRestartedByTheNextCall() {
        try (var tool = tool("import os\ndef maybe_exit(code: int) -> str:\n    if code:\n        os._exit(code)\n    return 'alive'\n")) {
            assertThatThrownBy(() -> tool.runJson(json("{\"code\": 7}"), new CancellationToken(), null))
                    .isInstanceOf(PythonToolException.class)
                    .hasMessageStartingWith("the python3 process of tool 'maybe_exit' ended with exit code 7");

            assertThat(tool.runJson(json("{\"code\": 0}"), new CancellationToken(), null)).isEqualTo("alive");
        }
    }

    @Test
    void argumentsAreCheckedAgainstTheSchemaBeforeTheCall() throws IOException {
        try (var calculator = (PythonFunctionTool) TRUSTING.load(calculator(PYTHON), Tool.class)) {
            assertThatThrownBy(() -> calculator.runJson(json("{\"a\": \"six\", \"b\": 7, \"operator\": \"*\"}"),
                    new CancellationToken(), null))
                    .isInstanceOf(ToolArgumentsException.class)
                    .hasMessageStartingWith("invalid arguments for tool 'calculator': ")
                    .hasMessageContaining("string found, number expected");
            assertThatThrownBy(() -> calculator.runJson(json("{\"a\": 6}"), new CancellationToken(), null))
                    .isInstanceOf(ToolArgumentsException.class).hasMessageContaining("b").hasMessageContaining("operator");
            assertThat(calculator.runJson(json("{\"a\": 6, \"b\": 3, \"operator\": \"/\", \"extra\": 1}"),
                    new CancellationToken(), null)).as("unknown arguments are dropped, as pydantic does").isEqualTo("2.0");
        }
    }

    @Test
    void aMissingImportIsAClearErrorNamingTheModuleAndHowToInstallIt() throws IOException {
        assertThatThrownBy(() -> PythonFunctionTool.builder("def f(x: str) -> str:\n    return x\n")
                .globalImport("json").globalImportFrom("surely_absent_module_xyz.sub", "thing").python(PYTHON).build())
                .isInstanceOf(PythonToolException.class)
                .hasMessage("Python FunctionTool 'f' imports the Python module 'surely_absent_module_xyz', which is not installed"
                        + " for '/usr/bin/python3'; install it with 'pip install surely_absent_module_xyz' (for that interpreter:"
                        + " '/usr/bin/python3 -m pip install surely_absent_module_xyz')");

        JsonNode fetch = galleryTool(2).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) fetch.get("config")).put("python", PYTHON)
                .putArray("global_imports").add("json").addObject().put("module", "bs4_not_here").putArray("imports").add("X");
        assertThatThrownBy(() -> TRUSTING.withRootPath("tool").load(fetch, Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool.config.global_imports: Python FunctionTool 'fetch_webpage' imports the Python module"
                        + " 'bs4_not_here', which is not installed");
        assertThat(PythonModules.pipPackage("bs4")).isEqualTo("beautifulsoup4");
        assertThat(PythonModules.pipPackage("PIL.Image")).isEqualTo("pillow");
    }

    @Test
    void aSourceThatCannotBeReadIsReportedAtItsField() throws IOException {
        JsonNode broken = calculator(PYTHON).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("config")).put("source_code", "def calculator(a: float, b:\n");
        assertThatThrownBy(() -> TRUSTING.withRootPath("tool").load(broken, Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool.config.source_code: the source code cannot be read: SyntaxError: ");

        assertThatThrownBy(() -> PythonFunctionTool.builder("def f(x):\n    return x\n").python(PYTHON).build())
                .isInstanceOf(PythonToolException.class)
                .hasMessage("the source code cannot be read: parameter 'x' of f has no type annotation, which Python's"
                        + " FunctionTool requires");
    }

    @Test
    void aMissingInterpreterIsAClearError() throws IOException {
        assertThatThrownBy(() -> TRUSTING.withRootPath("tool").load(calculator("/no/such/python3"), Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool: cannot start the Python interpreter '/no/such/python3'")
                .hasMessageContaining("install Python 3");
    }

    @Test
    void withoutConsentNoToolIsBuiltAndNoProcessStarts() throws IOException {
        Path marker = dir.resolve("started");
        Path python = dir.resolve("python3-spy");
        Files.writeString(python, "#!/bin/sh\ntouch '" + marker + "'\nexec " + PYTHON + " \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withRootPath("tool").load(calculator(python.toString()), Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool: FunctionTool would run the Python function 'calculator' of this config in a '"
                        + python + "' process on this machine, with your rights; a loaded config may do this only with your consent.");
        assertThat(marker).doesNotExist();

        List<String> asked = new ArrayList<>();
        ConsentPolicy refusing = new ConsentPolicy() {
            @Override
            public Decision decide(ConsentRequest request) {
                return Decision.ASK;
            }

            @Override
            public boolean approve(ConsentRequest request, String what, CancellationToken token) {
                asked.add(what);
                return false;
            }
        };
        try (var tool = (PythonFunctionTool) ComponentLoader.defaultLoader().withConsent(refusing).load(calculator(PYTHON), Tool.class)) {
            assertThatThrownBy(() -> tool.runJson(json("{\"a\": 1, \"b\": 2, \"operator\": \"+\"}"), new CancellationToken(), null))
                    .isInstanceOf(ConsentRefusedException.class).hasMessageContaining("refused; nothing was started");
            assertThat(asked).singleElement().asString().startsWith("def calculator(a: float, b: float, operator: str) -> str:");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theProcessWorksInADirectoryOfItsOwnWithAMinimalEnvironmentAndLimits() throws IOException {
        String source = "import os, resource\ndef where(name: str) -> str:\n"
                + "    return f'{os.getcwd()}|{os.environ.get(name)}|{resource.getrlimit(resource.RLIMIT_AS)[0]}'\n";
        try (var tool = PythonFunctionTool.builder(source).python(PYTHON).env("GREETING", "hello").memoryLimitMb(2048).build()) {
            String[] seen = tool.runJson(json("{\"name\": \"GREETING\"}"), new CancellationToken(), null).split("\\|");
            assertThat(Path.of(seen[0]).getFileName().toString()).startsWith("autogen-python-tool-");
            assertThat(seen[1]).isEqualTo("hello");
            assertThat(seen[2]).isEqualTo(String.valueOf(2048L * 1024 * 1024));
            assertThat(tool.runJson(json("{\"name\": \"JAVA_HOME\"}"), new CancellationToken(), null))
                    .as("variables not passed on are not seen").contains("|None|");
            tool.close();
            assertThat(Path.of(seen[0])).as("the temporary directory is deleted on close").doesNotExist();
        }
        Path work = dir.resolve("work");
        try (var tool = PythonFunctionTool.builder(source).python(PYTHON).workDir(work).inheritEnv("*").build()) {
            String seen = tool.runJson(json("{\"name\": \"PATH\"}"), new CancellationToken(), null);
            assertThat(seen).startsWith(work + "|" + System.getenv("PATH") + "|");
        }
    }
}
