package dev.autogen.ext.code_executors.docker_jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor against a real {@code jupyter server} speaking the REST and WebSocket kernel API. */
class DockerJupyterCodeExecutorTest {
    static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @TempDir
    static Path root;
    static JupyterServerProcess server;

    @TempDir
    Path outputDir;
    DockerJupyterCodeExecutor executor;
    final CancellationToken token = new CancellationToken();

    @BeforeAll
    static void startServer() throws Exception {
        server = JupyterServerProcess.start(root);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void build() {
        executor = DockerJupyterCodeExecutor.builder(server.info).outputDir(outputDir).timeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterEach
    void stop() {
        executor.stop();
    }

    DockerJupyterCodeResult run(String... blocks) {
        return executor.executeCodeBlocks(java.util.Arrays.stream(blocks).map(b -> new CodeBlock(b, "python")).toList(),
                token);
    }

    @Test
    void blocksRunStatefullyInAKernelOfTheServer() {
        executor.start();
        String kernel = executor.kernelId().orElseThrow();
        try (var client = new JupyterClient(server.info)) {
            assertThat(client.listKernels()).anyMatch(k -> k.path("id").asText().equals(kernel));
        }

        assertThat(run("x = 6 * 7")).isEqualTo(new DockerJupyterCodeResult(0, "", List.of()));
        assertThat(run("print(x)", "x + 1")).isEqualTo(new DockerJupyterCodeResult(0, "42\n\n43", List.of()));

        executor.stop();
        try (var client = new JupyterClient(server.info)) {
            assertThat(client.listKernels()).noneMatch(k -> k.path("id").asText().equals(kernel));
        }
    }

    @Test
    void aRaisingBlockEndsTheRunWithExitCode1TheErrorAndItsTraceback() {
        DockerJupyterCodeResult result = run("print('before')", "1 / 0", "print('never')");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).startsWith("before\n\nERROR: ZeroDivisionError: division by zero\n")
                .contains("1 / 0").doesNotContain("never").doesNotContain("\u001B[");
    }

    @Test
    void imagesAndHtmlAreSavedToTheOutputDirectory() throws Exception {
        DockerJupyterCodeResult result = run("""
                import base64
                from IPython.display import display, HTML, Image
                display(Image(data=base64.b64decode('%s'), format='png'))
                display(HTML('<b>hello</b>'))
                """.formatted(PIXEL));

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.outputFiles()).hasSize(2);
        Path png = result.outputFiles().get(0);
        Path html = result.outputFiles().get(1);
        assertThat(png).hasParent(outputDir).hasExtension("png");
        assertThat(Files.readAllBytes(png)).isEqualTo(Base64.getDecoder().decode(PIXEL));
        assertThat(html).hasExtension("html");
        assertThat(Files.readString(html)).isEqualTo("<b>hello</b>");
        assertThat(result.output()).contains(png.toString()).contains(html.toString());
    }

    @Test
    void aBlockPastTheTimeoutFailsAndTheKernelIsInterruptedKeepingItsState() {
        var quick = DockerJupyterCodeExecutor.builder(server.info).timeout(Duration.ofSeconds(1)).build();
        try {
            DockerJupyterCodeResult result = quick.executeCodeBlocks(List.of(
                    new CodeBlock("import time\ny = 5\ntime.sleep(60)", "python")), token);

            assertThat(result).isEqualTo(new DockerJupyterCodeResult(1,
                    "\nERROR: Timeout waiting for output from code block.", List.of()));
            assertThat(quick.executeCodeBlocks(List.of(new CodeBlock("print(y)", "python")), token).output())
                    .isEqualTo("5\n");
        } finally {
            quick.stop();
        }
    }

    @Test
    void cancellingInterruptsTheKernel() throws Exception {
        Path started = outputDir.resolve("started");
        var cancel = new CancellationToken();
        CompletableFuture<DockerJupyterCodeResult> run = CompletableFuture.supplyAsync(() -> executor.executeCodeBlocks(
                List.of(new CodeBlock("import time\nopen(%s, 'w').write('x')\ntime.sleep(60)".formatted(
                        AutogenJson.mapper().valueToTree(started.toString())), "python")), cancel));
        while (!Files.exists(started)) {
            assertThat(run).isNotDone();
            Thread.sleep(20);
        }
        cancel.cancel();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        assertThat(run("print('free again')").output()).isEqualTo("free again\n");
    }

    @Test
    void restartForgetsTheKernelsState() {
        run("z = 1");
        executor.restart();

        DockerJupyterCodeResult result = run("print(z)");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("NameError: name 'z' is not defined");
    }

    @Test
    void aWrongTokenOrUnknownKernelspecSaysWhatIsWrong() {
        var wrong = new JupyterConnectionInfo("127.0.0.1", false, server.info.port(), "not-the-token");
        var refused = DockerJupyterCodeExecutor.builder(wrong).build();
        assertThatThrownBy(refused::start).isInstanceOfSatisfying(JupyterServerException.class,
                e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageStartingWith("the Jupyter server at " + server.info.apiBaseUrl()
                        + " answered HTTP 403 to GET /api/kernelspecs; check the token");

        var unknown = DockerJupyterCodeExecutor.builder(server.info).kernelName("cobol").build();
        assertThatThrownBy(unknown::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("Kernel cobol is not installed on the Jupyter server at " + server.info.apiBaseUrl()
                        + "; it has [python3]");

        var nobody = DockerJupyterCodeExecutor.builder(new JupyterConnectionInfo("127.0.0.1", false, 1, null)).build();
        assertThatThrownBy(nobody::start).isInstanceOf(JupyterServerException.class)
                .hasMessageStartingWith("cannot reach the Jupyter server at http://127.0.0.1:1 (GET /api/kernelspecs)");
    }

    @Test
    void theConfigIsPythonsAndALoadedExecutorNeedsConsent() throws Exception {
        String python = """
                {"provider": "autogen_ext.code_executors.docker_jupyter.DockerJupyterCodeExecutor",
                 "component_type": "code_executor", "version": 1, "component_version": 1,
                 "description": "(Experimental) A code executor class that executes code statefully using\\n    a Jupyter server supplied to this class.",
                 "label": "DockerJupyterCodeExecutor",
                 "config": {"jupyter_server": {"host": "127.0.0.1", "use_https": false, "port": %d, "token": "%s"},
                            "kernel_name": "python3", "timeout": 30}}
                """.formatted(server.info.port(), JupyterServerProcess.TOKEN);
        var mapper = AutogenJson.mapper();

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(python, CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("consent");

        CodeExecutor loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(python,
                CodeExecutor.class);
        try {
            assertThat(mapper.readTree(loaded.dumpComponent().toJson())).isEqualTo(mapper.readTree(python));
            assertThat(loaded.executeCodeBlocks(List.of(new CodeBlock("print('loaded')", "python")), token).output())
                    .isEqualTo("loaded\n");
        } finally {
            loaded.stop();
        }
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(
                "{\"provider\": \"autogen_ext.code_executors.docker_jupyter.DockerJupyterCodeExecutor\","
                        + " \"config\": {\"kernel_name\": \"python3\"}}", CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class).hasMessageContaining("jupyter_server is required");
    }

    @Test
    void resultJsonUsesPythonsFieldNames() throws Exception {
        var mapper = AutogenJson.mapper();
        var result = new DockerJupyterCodeResult(0, "42\n", List.of(Path.of("/tmp/a.png")));

        assertThat(mapper.readTree(mapper.writeValueAsString(result))).isEqualTo(mapper.readTree(
                "{\"exit_code\": 0, \"output\": \"42\\n\", \"output_files\": [\"/tmp/a.png\"]}"));
        assertThatThrownBy(() -> DockerJupyterCodeExecutor.builder(server.info).timeout(Duration.ofMillis(500)))
                .hasMessageContaining("Timeout must be greater than or equal to 1 second");
    }
}
