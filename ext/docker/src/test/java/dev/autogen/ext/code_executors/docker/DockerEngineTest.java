package dev.autogen.ext.code_executors.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.code_executor.CommandLineCodeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs python:3-slim containers on a real Docker engine; skipped, with a message, where none
 * answers. The class timeout covers an image pull and only guards against a hang.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DockerEngineTest {
    @TempDir
    Path workDir;

    private DockerCommandLineCodeExecutor executor;

    @BeforeEach
    void requireEngine() {
        DockerAvailability.assumeEngine();
    }

    @AfterEach
    void stopExecutor() {
        if (executor != null) {
            executor.stop();
        }
    }

    private DockerCommandLineCodeExecutor started(DockerCommandLineCodeExecutor.Builder builder) {
        executor = builder.workDir(workDir).build();
        executor.start();
        return executor;
    }

    private static CommandLineCodeResult run(DockerCommandLineCodeExecutor executor, CodeBlock... blocks) {
        return executor.executeCodeBlocks(List.of(blocks), new CancellationToken());
    }

    @Test
    void runsPythonAndShellInTheContainerWithFilesInTheWorkDir() {
        var executor = started(DockerCommandLineCodeExecutor.builder());

        CommandLineCodeResult result = run(executor, new CodeBlock("import os; print(os.getcwd())", "python"),
                new CodeBlock("echo $((6 * 7))", "bash"), new CodeBlock("echo from-sh", "sh"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("/workspace\n42\nfrom-sh\n");
        assertThat(Path.of(result.codeFile())).hasParent(workDir.toAbsolutePath()).exists();
    }

    @Test
    void stopsAtTheFirstFailingBlock() {
        var executor = started(DockerCommandLineCodeExecutor.builder());

        CommandLineCodeResult result = run(executor, new CodeBlock("import sys; print('out'); sys.exit(3)", "python"),
                new CodeBlock("echo never", "sh"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("out").doesNotContain("never");
    }

    @Test
    void timeoutEndsTheBlockWithExitCode124() {
        var executor = started(DockerCommandLineCodeExecutor.builder().timeout(Duration.ofSeconds(2)));

        CommandLineCodeResult result = run(executor, new CodeBlock("import time\ntime.sleep(30)", "python"));

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.output()).endsWith("\n Timeout");
        assertThat(run(executor, new CodeBlock("print('after')", "python")).output()).isEqualTo("after\n");
    }

    @Test
    void filenameCommentNamesTheFileAndDeleteTmpFilesRemovesIt() {
        var executor = started(DockerCommandLineCodeExecutor.builder().deleteTmpFiles(true));

        CommandLineCodeResult result = run(executor, new CodeBlock("# filename: app.py\nprint('named')", "python"));

        assertThat(result.output()).isEqualTo("named\n");
        assertThat(result.codeFile()).isEqualTo(workDir.resolve("app.py").toString());
        assertThat(workDir.resolve("app.py")).doesNotExist();
    }

    @Test
    void functionsAreImportableFromTheirModule() {
        var executor = started(DockerCommandLineCodeExecutor.builder().functionsModule("tools")
                .functions(List.of(PythonFunction.of("def add(a, b):\n    return a + b\n"))));

        CommandLineCodeResult result = run(executor, new CodeBlock("from tools import add\nprint(add(2, 3))", "python"));

        assertThat(result.output()).isEqualTo("5\n");
        assertThat(workDir.resolve("tools.py")).exists();
    }

    @Test
    void cancellingTheTokenEndsTheCall() throws Exception {
        var executor = started(DockerCommandLineCodeExecutor.builder());
        var token = new CancellationToken();
        CompletableFuture<CodeResult> running = executor.executeCodeBlocksAsync(List.of(new CodeBlock(
                "import pathlib, time\npathlib.Path('started').touch()\ntime.sleep(60)", "python")), token);
        while (!Files.exists(workDir.resolve("started"))) {
            Thread.sleep(50);
        }

        token.cancel();

        assertThat(running.handle((r, e) -> e).get()).isInstanceOf(CancellationException.class);
        assertThat(run(executor, new CodeBlock("print('still usable')", "python")).output()).isEqualTo("still usable\n");
    }

    @Test
    void restartKeepsTheContainerAndStopEndsIt() {
        var executor = started(DockerCommandLineCodeExecutor.builder());

        executor.restart();
        assertThat(run(executor, new CodeBlock("print('restarted')", "python")).output()).isEqualTo("restarted\n");
        executor.stop();

        assertThat(executor.isRunning()).isFalse();
        assertThatThrownBy(() -> run(executor, new CodeBlock("print(1)", "python")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Container is not running");
        assertThatThrownBy(executor::restart).isInstanceOf(IllegalStateException.class);
    }
}
