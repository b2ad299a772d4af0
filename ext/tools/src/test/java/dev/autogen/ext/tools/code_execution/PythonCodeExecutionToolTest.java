package dev.autogen.ext.tools.code_execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.StaticWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real python3 processes through {@link LocalCommandLineCodeExecutor}. */
class PythonCodeExecutionToolTest {
    private static final Path GALLERY = Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json");

    @TempDir
    Path workDir;

    @BeforeAll
    static void needsPython() {
        boolean strict = "1".equals(System.getenv("AUTOGEN_TESTS_STRICT"));
        boolean present;
        try {
            present = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!strict) {
            Assumptions.assumeTrue(present, "python3 is not installed: skipping code execution tests");
        }
    }

    private static JsonNode json(String text) throws IOException {
        return AutogenJson.mapper().readTree(text);
    }

    private LocalCommandLineCodeExecutor executor() {
        return LocalCommandLineCodeExecutor.builder().workDir(workDir).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void schemaIsPythons() throws Exception {
        try (var executor = executor()) {
            var tool = new PythonCodeExecutionTool(executor);

            JsonNode schema = AutogenJson.mapper().valueToTree(tool.schema());

            assertThat(schema).isEqualTo(json("""
                    {"name": "CodeExecutor", "description": "Execute Python code blocks.",
                     "parameters": {"type": "object",
                                    "properties": {"code": {"type": "string", "title": "Code",
                                        "description": "The contents of the Python code block that should be executed"}},
                                    "required": ["code"], "additionalProperties": false},
                     "strict": false}"""));
        }
    }

    @Test
    void runsCodeAndReturnsItsOutput() throws Exception {
        try (var executor = executor()) {
            executor.start();
            var workbench = new StaticWorkbench(List.of(new PythonCodeExecutionTool(executor)));

            ToolResult result = workbench.callTool("CodeExecutor",
                    json("{\"code\": \"import math\\nprint(math.factorial(10))\"}"), null, "call-1");

            assertThat(result.isError()).isFalse();
            assertThat(result.toText().strip()).isEqualTo("3628800");
        }
    }

    @Test
    void failingCodeReturnsTheTracebackAsANormalResult() throws Exception {
        try (var executor = executor()) {
            var tool = new PythonCodeExecutionTool(executor);

            Object value = tool.runJson(json("{\"code\": \"print('before')\\n1/0\"}"), new dev.autogen.core.CancellationToken(), null);
            var result = (CodeExecutionResult) value;
            assertThat(result.success()).isFalse();
            assertThat(result.output()).contains("before", "ZeroDivisionError");

            ToolResult toolResult = new StaticWorkbench(List.of(tool)).callTool("CodeExecutor", json("{\"code\": \"1/0\"}"), null, "c");
            assertThat(toolResult.isError()).isFalse();
            assertThat(toolResult.toText()).contains("ZeroDivisionError").doesNotContain("success");
        }
    }

    @Test
    void missingCodeIsAnErrorResultNamingTheArgument() throws Exception {
        try (var executor = executor()) {
            var workbench = new StaticWorkbench(List.of(new PythonCodeExecutionTool(executor)));

            ToolResult result = workbench.callTool("CodeExecutor", json("{\"source\": \"print(1)\"}"), null, "c");

            assertThat(result.isError()).isTrue();
            assertThat(result.toText()).contains("missing required argument 'code'", "CodeExecutor");
        }
    }

    @Test
    void galleryToolLoadsAndRunsCode() throws Exception {
        JsonNode gallery = AutogenJson.mapper().readTree(GALLERY.toFile());
        JsonNode component = null;
        for (JsonNode tool : gallery.path("components").path("tools")) {
            if (PythonCodeExecutionTool.PROVIDER.equals(tool.path("provider").asText())) {
                component = tool;
            }
        }
        assertThat(component).as("the gallery's PythonCodeExecutionTool").isNotNull();
        // Point the gallery's relative work_dir (".coding") at a temporary directory.
        var model = ComponentModel.fromJsonNode(component);
        var config = model.config();
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("executor").get("config"))
                .put("work_dir", workDir.resolve(".coding").toString());
        model = model.withConfig(config);

        Tool tool = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(model.toJson(), Tool.class);

        assertThat(tool).isInstanceOf(PythonCodeExecutionTool.class);
        var codeTool = (PythonCodeExecutionTool) tool;
        assertThat(codeTool.executor()).isInstanceOf(LocalCommandLineCodeExecutor.class);
        assertThat(tool.name()).isEqualTo("CodeExecutor");
        assertThat(tool.description()).isEqualTo("Execute Python code blocks.");
        try (codeTool) {
            ToolResult result = new StaticWorkbench(List.of(tool))
                    .callTool("CodeExecutor", json("{\"code\": \"print(sum(range(5)))\"}"), null, "c");
            assertThat(result.isError()).isFalse();
            assertThat(result.toText().strip()).isEqualTo("10");
            assertThat(Files.isDirectory(workDir.resolve(".coding"))).isTrue();
        }
    }

    @Test
    void dumpsWithTheExecutorsConfig() throws Exception {
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).timeout(Duration.ofSeconds(30)).build()) {
            ComponentModel dumped = new PythonCodeExecutionTool(executor).dumpComponent();

            assertThat(dumped.provider()).isEqualTo("autogen_ext.tools.code_execution.PythonCodeExecutionTool");
            assertThat(dumped.componentType()).isEqualTo("tool");
            assertThat(dumped.config().get("description").asText()).isEqualTo("Execute Python code blocks.");
            JsonNode executorModel = dumped.config().get("executor");
            assertThat(executorModel.get("provider").asText()).isEqualTo(LocalCommandLineCodeExecutor.PROVIDER);
            assertThat(executorModel.get("config").get("timeout").asInt()).isEqualTo(30);

            Tool reloaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(dumped.toJson(), Tool.class);
            assertThat(reloaded.dumpComponent().toJsonNode()).isEqualTo(dumped.toJsonNode());
        }
    }

    @Test
    void unknownExecutorNamesTheFieldAndTheFix() {
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load("""
                {"provider": "autogen_ext.tools.code_execution.PythonCodeExecutionTool", "component_type": "tool",
                 "config": {"executor": {"provider": "autogen_ext.code_executors.docker.DockerCommandLineCodeExecutor",
                                         "component_type": "code_executor", "config": {}}}}""", Tool.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("tool.config.executor")
                .hasMessageContaining("autogen_ext.code_executors.docker.DockerCommandLineCodeExecutor")
                .hasMessageContaining("dev.autogen:autogen-ext-docker");
    }
}
