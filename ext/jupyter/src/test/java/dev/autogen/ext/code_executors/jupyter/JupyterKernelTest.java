package dev.autogen.ext.code_executors.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * Runs a real ipykernel from Debian's python3-ipykernel ({@code /usr/bin/python3}). The class
 * timeout only guards against a hang.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JupyterKernelTest {
    static final List<String> KERNEL = List.of("/usr/bin/python3", "-m", "ipykernel_launcher", "-f",
            "{connection_file}");

    @TempDir
    Path outputDir;

    private JupyterCodeExecutor executor;

    @BeforeEach
    void requireIpykernel() {
        KernelAvailability.assumeIpykernel();
    }

    @AfterEach
    void stopExecutor() {
        if (executor != null) {
            executor.stop();
        }
    }

    private JupyterCodeExecutor started(Duration timeout) {
        executor = JupyterCodeExecutor.builder().kernelCommand(KERNEL).timeout(timeout).outputDir(outputDir).build();
        executor.start();
        return executor;
    }

    private static JupyterCodeResult run(JupyterCodeExecutor executor, String... codes) {
        List<CodeBlock> blocks = java.util.Arrays.stream(codes).map(c -> new CodeBlock(c, "python")).toList();
        return executor.executeCodeBlocks(blocks, new CancellationToken());
    }

    @Test
    void keepsStateAcrossBlocksAndCalls() {
        var executor = started(Duration.ofSeconds(30));

        JupyterCodeResult first = run(executor, "x = 6 * 7", "def double(n):\n    return 2 * n");
        JupyterCodeResult second = run(executor, "print(x)", "double(x) + 1");

        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).isEqualTo("\n");
        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).isEqualTo("42\n\n85");
    }

    @Test
    void errorGivesTracebackWithoutColoursAndSkipsLaterBlocks() {
        var executor = started(Duration.ofSeconds(30));

        JupyterCodeResult result = run(executor, "print('before')", "raise ValueError('boom')", "print('never')");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).startsWith("before\n\n").contains("ValueError", "boom").doesNotContain("never");
        assertThat(result.output()).doesNotContain("\u001b[");
    }

    @Test
    void timeoutInterruptsAnEndlessLoopAndTheKernelKeepsItsState() {
        // long enough for the short blocks to finish on a busy machine; the loop always runs into it
        var executor = started(Duration.ofSeconds(10));
        long pid = executor.kernelPid().orElseThrow();
        run(executor, "counter = 1");

        JupyterCodeResult looped = run(executor, "print('looping', flush=True)\nwhile True: pass", "print('never')");
        JupyterCodeResult after = run(executor, "counter += 1\nprint(counter)");

        assertThat(looped.exitCode()).isEqualTo(124);
        assertThat(looped.output()).isEqualTo("looping\n\nTimeout");
        assertThat(after.exitCode()).isZero();
        assertThat(after.output()).isEqualTo("2\n");
        assertThat(executor.kernelPid()).contains(pid);
    }

    @Test
    void cancellingTheTokenInterruptsTheKernel() throws Exception {
        var executor = started(Duration.ofSeconds(60));
        Path marker = outputDir.resolve("running");
        var token = new CancellationToken();
        String code = "import pathlib, time\npathlib.Path(r'%s').touch()\ntime.sleep(60)".formatted(marker);

        CompletableFuture<dev.autogen.core.code_executor.CodeResult> running =
                executor.executeCodeBlocksAsync(List.of(new CodeBlock(code, "python")), token);
        while (!Files.exists(marker)) {
            Thread.sleep(20);
        }
        token.cancel();

        Throwable failure = running.handle((result, error) -> error).get();
        assertThat(failure).isInstanceOf(CancellationException.class).hasMessageContaining("kernel was interrupted");
        assertThat(run(executor, "print('still here')").output()).isEqualTo("still here\n");
    }

    @Test
    void restartForgetsEverything() {
        var executor = started(Duration.ofSeconds(30));
        long pid = executor.kernelPid().orElseThrow();
        run(executor, "secret = 1");

        executor.restart();
        JupyterCodeResult result = run(executor, "print(secret)");

        assertThat(executor.kernelPid()).isPresent().get().isNotEqualTo(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("NameError");
    }

    @Test
    void stopEndsTheKernelProcess() {
        var executor = started(Duration.ofSeconds(30));
        ProcessHandle kernel = ProcessHandle.of(executor.kernelPid().orElseThrow()).orElseThrow();

        executor.stop();

        assertThat(kernel.isAlive()).isFalse();
        assertThat(executor.kernelPid()).isEmpty();
        assertThatThrownBy(() -> run(executor, "print(1)"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call start()");
        executor.stop();
    }

    @Test
    void imagesAndHtmlAreSavedToTheOutputDirectory() throws Exception {
        var executor = started(Duration.ofSeconds(30));
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String code = """
                import base64
                from IPython.display import HTML, Image, display
                display(Image(data=base64.b64decode('%s')))
                display(HTML('<b>bold</b>'))
                """.formatted(Base64.getEncoder().encodeToString(png));

        JupyterCodeResult result = run(executor, code);

        assertThat(result.exitCode()).isZero();
        assertThat(result.outputFiles()).hasSize(2);
        Path image = result.outputFiles().get(0);
        Path html = result.outputFiles().get(1);
        assertThat(image.getParent()).isEqualTo(outputDir.toAbsolutePath());
        assertThat(image.getFileName().toString()).matches("[0-9a-f]{32}\\.png");
        assertThat(Files.readAllBytes(image)).isEqualTo(png);
        assertThat(html.getFileName().toString()).endsWith(".html");
        assertThat(Files.readString(html)).isEqualTo("<b>bold</b>");
        assertThat(result.output()).contains("<IPython.core.display.HTML object>");
    }

    @Test
    void aKernelThatDiesIsReportedAndRestartGivesANewOne() {
        var executor = started(Duration.ofSeconds(30));

        JupyterCodeResult died = run(executor, "import os\nos._exit(1)");

        assertThat(died.exitCode()).isEqualTo(1);
        assertThat(died.output()).contains("kernel died");
        assertThatThrownBy(() -> run(executor, "print(1)"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call restart()");
        executor.restart();
        assertThat(run(executor, "print('alive')").output()).isEqualTo("alive\n");
    }
}
