package dev.autogen.ext.code_executors.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.code_executor.CommandLineCodeResult;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real python3 and bash processes. The class timeout only guards against a hang. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalCommandLineCodeExecutorTest {
    @TempDir
    Path workDir;

    private LocalCommandLineCodeExecutor executor() {
        return LocalCommandLineCodeExecutor.builder().workDir(workDir).build();
    }

    private static CommandLineCodeResult run(LocalCommandLineCodeExecutor executor, CodeBlock... blocks) {
        return executor.executeCodeBlocks(List.of(blocks), new CancellationToken());
    }

    @Test
    void runsPythonAndCapturesStdout() {
        CommandLineCodeResult result = run(executor(), new CodeBlock("print('hello from python')", "python"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("hello from python\n");
        assertThat(result.codeFile()).startsWith(workDir.toString()).matches(".*tmp_code_[0-9a-f]{64}\\.py");
    }

    @Test
    void runsBashAndShellVariants() {
        var executor = executor();
        assertThat(run(executor, new CodeBlock("echo $((6 * 7))", "bash")).output()).isEqualTo("42\n");
        assertThat(run(executor, new CodeBlock("echo sh", "sh")).output()).isEqualTo("sh\n");
        assertThat(run(executor, new CodeBlock("echo shell", "shell")).output()).isEqualTo("shell\n");
        assertThat(run(executor, new CodeBlock("print('py')", "Py")).output()).isEqualTo("py\n");
    }

    @Test
    void reportsExitCodeAndStderrThenStdout() {
        CommandLineCodeResult result = run(executor(),
                new CodeBlock("echo out; echo err >&2; exit 3", "bash"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("err\nout\n");
    }

    @Test
    void runsBlocksInOrderInTheWorkDirAndStopsAtTheFirstFailure() {
        CommandLineCodeResult result = run(executor(),
                new CodeBlock("echo first > note.txt", "bash"),
                new CodeBlock("print(open('note.txt').read().strip())\nraise SystemExit(2)", "python"),
                new CodeBlock("echo never", "bash"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo("first\n").doesNotContain("never");
        assertThat(workDir.resolve("note.txt")).exists();
    }

    @Test
    void pythonErrorsComeBackAsOutput() {
        CommandLineCodeResult result = run(executor(), new CodeBlock("1/0", "python"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("ZeroDivisionError");
    }

    @Test
    void unknownLanguageStopsWithExitCodeOne() {
        CommandLineCodeResult result = run(executor(),
                new CodeBlock("echo ok", "bash"), new CodeBlock("puts 1", "ruby"), new CodeBlock("echo no", "bash"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).isEqualTo("ok\n\nunknown language ruby");
    }

    @Test
    void powerShellBlockWithoutPowerShellIsAClearError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Languages.findOnPath("pwsh").isEmpty() && Languages.findOnPath("powershell").isEmpty(),
                "PowerShell is installed here");

        assertThatThrownBy(() -> run(executor(), new CodeBlock("Write-Output 1", "pwsh")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Powershell or pwsh is not installed. Please install one of them.");
        try (var files = Files.list(workDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fileNameCommentNamesTheFile() throws Exception {
        var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).cleanupTempFiles(false).build();
        CommandLineCodeResult result = run(executor, new CodeBlock("# filename: sub/hello.py\nprint('named')", "python"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("named\n");
        assertThat(Path.of(result.codeFile())).isEqualTo(workDir.resolve("sub/hello.py"));
        assertThat(Files.readString(workDir.resolve("sub/hello.py"))).startsWith("# filename: sub/hello.py");
    }

    @Test
    void fileNameOutsideTheWorkspaceIsRefused() {
        CommandLineCodeResult result = run(executor(), new CodeBlock("# filename: ../escape.py\nprint(1)", "python"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).isEqualTo("Filename is not in the workspace");
        assertThat(result.codeFile()).isNull();
        assertThat(workDir.resolveSibling("escape.py")).doesNotExist();
    }

    @Test
    void codeFilesAreDeletedAfterTheRunUnlessCleanupIsOff() throws Exception {
        run(executor(), new CodeBlock("print(1)", "python"));
        try (var files = Files.list(workDir)) {
            assertThat(files).isEmpty();
        }

        var keeping = LocalCommandLineCodeExecutor.builder().workDir(workDir).cleanupTempFiles(false).build();
        CommandLineCodeResult kept = run(keeping, new CodeBlock("print(1)", "python"));
        assertThat(Path.of(kept.codeFile())).exists();
    }

    @Test
    void pipInstallLinesAreSilenced() {
        assertThat(CodeFileRules.silencePip("pip install numpy\necho", "bash")).isEqualTo("pip install -qqq numpy\necho");
        assertThat(CodeFileRules.silencePip("! pip install numpy", "python")).isEqualTo("! pip install -qqq numpy");
        assertThat(CodeFileRules.silencePip("pip install -qqq x", "sh")).isEqualTo("pip install -qqq x");
    }

    @Test
    void timeoutKillsTheWholeProcessTreeAndReportsExitCode124() throws Exception {
        String script = "sleep 100 &\necho $! > pids.tmp\necho $$ >> pids.tmp\nmv pids.tmp pids.txt\nsleep 100\n";

        CommandLineCodeResult result = runUntilTimedOutAfter(new CodeBlock(script, "bash"), Duration.ofSeconds(1),
                List.of("pids.txt"));

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.output()).isEqualTo("\nTimeout");
        assertAllGone(readPids(workDir.resolve("pids.txt")));
    }

    @Test
    void timeoutKillsGrandchildrenStartedFromPython() throws Exception {
        String script = """
                import os, subprocess
                child = subprocess.Popen(["bash", "-c", "sleep 100 & echo $! > grandchild.tmp; mv grandchild.tmp grandchild.txt; wait"])
                with open("pids.tmp", "w") as f:
                    f.write(f"{os.getpid()}\\n{child.pid}\\n")
                os.rename("pids.tmp", "pids.txt")
                child.wait()
                """;

        CommandLineCodeResult result = runUntilTimedOutAfter(new CodeBlock(script, "python"), Duration.ofSeconds(2),
                List.of("pids.txt", "grandchild.txt"));

        assertThat(result.exitCode()).isEqualTo(124);
        List<Long> pids = new ArrayList<>(readPids(workDir.resolve("pids.txt")));
        pids.addAll(readPids(workDir.resolve("grandchild.txt")));
        assertThat(pids).hasSize(3);
        assertAllGone(pids);
    }

    /**
     * Runs {@code block} with {@code timeout}, doubling it until the block has written all of
     * {@code files} before it was killed: on a busy machine a process may need longer than the timeout
     * just to start, and a test must not depend on how fast that is. Each attempt cleans up after itself
     * (the timeout kills its tree), so only the last one is checked.
     */
    private CommandLineCodeResult runUntilTimedOutAfter(CodeBlock block, Duration timeout, List<String> files)
            throws Exception {
        for (Duration t = timeout; ; t = t.multipliedBy(2)) {
            for (String file : files) {
                Files.deleteIfExists(workDir.resolve(file));
            }
            var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).timeout(t).build();
            CommandLineCodeResult result = run(executor, block);
            if (files.stream().allMatch(f -> Files.exists(workDir.resolve(f))) || t.toSeconds() > 120) {
                return result;
            }
        }
    }

    @Test
    void cancellationKillsTheProcessTreeAndThrows() throws Exception {
        var executor = executor();
        var token = new CancellationToken();
        Path pidFile = workDir.resolve("pids.txt");
        String script = "sleep 100 &\necho $! > pids.tmp\necho $$ >> pids.tmp\nmv pids.tmp pids.txt\nwait\n";

        CompletableFuture<?> run = CompletableFuture.runAsync(
                () -> executor.executeCodeBlocks(List.of(new CodeBlock(script, "bash")), token),
                r -> Thread.ofVirtual().start(r));
        awaitFile(pidFile);
        token.cancel();

        assertThatThrownBy(run::join).hasCauseInstanceOf(CancellationException.class);
        assertAllGone(readPids(pidFile));
    }

    @Test
    void interruptingTheCallingThreadKillsTheTreeAndThrows() throws Exception {
        var executor = executor();
        Path pidFile = workDir.resolve("pids.txt");
        String script = "sleep 100 &\necho $! > pids.tmp\necho $$ >> pids.tmp\nmv pids.tmp pids.txt\nwait\n";
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();

        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                executor.executeCodeBlocks(List.of(new CodeBlock(script, "bash")), new CancellationToken());
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        awaitFile(pidFile);
        caller.interrupt();

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertAllGone(readPids(pidFile));
    }

    @Test
    void asyncRunCompletesWithTheResult() throws Exception {
        var result = executor().executeCodeBlocksAsync(List.of(new CodeBlock("echo async", "bash")), new CancellationToken());

        assertThat(result.get().output()).isEqualTo("async\n");
    }

    @Test
    void alreadyCancelledTokenRunsNothing() {
        var token = new CancellationToken();
        token.cancel();

        assertThatThrownBy(() -> executor().executeCodeBlocks(
                List.of(new CodeBlock("touch ran.txt", "bash")), token))
                .isInstanceOf(CancellationException.class);
        assertThat(workDir.resolve("ran.txt")).doesNotExist();
    }

    @Test
    void runsPythonFromTheVirtualEnvironment(@TempDir Path venvParent) throws Exception {
        Path venv = venvParent.resolve("venv");
        Process create = new ProcessBuilder("python3", "-m", "venv", "--without-pip", venv.toString())
                .inheritIO().start();
        assertThat(create.waitFor()).isZero();
        var executor = LocalCommandLineCodeExecutor.builder()
                .workDir(workDir).virtualEnvContext(VirtualEnvContext.of(venv)).build();

        CommandLineCodeResult python = run(executor, new CodeBlock("import sys\nprint(sys.prefix)", "python"));
        CommandLineCodeResult bash = run(executor, new CodeBlock("command -v python", "bash"));

        assertThat(Path.of(python.output().strip()).toRealPath()).isEqualTo(venv.toRealPath());
        assertThat(Path.of(bash.output().strip())).isEqualTo(venv.resolve("bin/python").toAbsolutePath());
    }

    @Test
    void missingVirtualEnvironmentIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> VirtualEnvContext.of(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no python")
                .hasMessageContaining("python3 -m venv");
    }

    @Test
    void aGivenWorkDirIsCreatedAtTheFirstRunNotWhenBuilt() {
        Path nested = workDir.resolve("a/b/coding");
        var executor = LocalCommandLineCodeExecutor.builder().workDir(nested).build();
        executor.start();
        assertThat(nested.getParent().getParent()).doesNotExist();

        run(executor, new CodeBlock("echo hi > out.txt", "bash"));

        assertThat(nested.resolve("out.txt")).hasContent("hi");
    }

    @Test
    void temporaryWorkDirIsCreatedOnStartAndDeletedOnStop() {
        var executor = LocalCommandLineCodeExecutor.builder().cleanupTempFiles(false).build();
        executor.start();
        Path dir = executor.workDir();
        run(executor, new CodeBlock("echo hi > out.txt", "bash"));
        assertThat(dir.resolve("out.txt")).exists();

        executor.close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void badOptionsAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> LocalCommandLineCodeExecutor.builder().timeout(Duration.ofMillis(500)))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> LocalCommandLineCodeExecutor.builder().functionsModule("my-module"))
                .hasMessageContaining("functions_module 'my-module'");
    }

    @Test
    void configMatchesPythonAndRoundTrips() throws Exception {
        String python = """
                {"provider": "autogen_ext.code_executors.local.LocalCommandLineCodeExecutor",
                 "component_type": "code_executor", "version": 1, "component_version": 1,
                 "description": "A code executor class that executes code through a local command line\\n    environment.",
                 "label": "LocalCommandLineCodeExecutor",
                 "config": {"timeout": 360, "work_dir": "%s", "functions_module": "functions", "cleanup_temp_files": true}}
                """.formatted(workDir.toString().replace("\\", "\\\\"));
        var mapper = AutogenJson.mapper();

        CodeExecutor loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(python, CodeExecutor.class);

        assertThat(loaded).isInstanceOfSatisfying(LocalCommandLineCodeExecutor.class, executor -> {
            assertThat(executor.timeout()).isEqualTo(Duration.ofSeconds(360));
            assertThat(executor.workDir()).isEqualTo(workDir.toAbsolutePath());
        });
        assertThat(mapper.readTree(loaded.dumpComponent().toJson())).isEqualTo(mapper.readTree(python));

        var defaults = mapper.readValue("{}", LocalCommandLineCodeExecutorConfig.class);
        assertThat(defaults).isEqualTo(new LocalCommandLineCodeExecutorConfig(60, null, "functions", true));
    }

    @Test
    void badConfigIsReportedAtItsPath() {
        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(
                "{\"provider\": \"LocalCommandLineCodeExecutor\", \"config\": {\"timeout\": 0}}", CodeExecutor.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("timeout must be at least 1 second");
    }

    @Test
    void galleryExecutorLoads() throws Exception {
        Path gallery = Path.of("../../core/src/test/resources/fixtures/autogen-python/default_gallery.json");
        JsonNode tool = AutogenJson.mapper().readTree(gallery.toFile()).path("components").path("tools").get(5);
        JsonNode component = tool.path("config").path("executor");
        Path cwd = Path.of("").toAbsolutePath();
        try {
            CodeExecutor executor = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(component.toString(), CodeExecutor.class);

            assertThat(executor).isInstanceOfSatisfying(LocalCommandLineCodeExecutor.class, local -> {
                assertThat(local.timeout()).isEqualTo(Duration.ofSeconds(360));
                assertThat(local.workDir()).isEqualTo(cwd.resolve(".coding"));
            });
            ObjectNode dumped = executor.dumpComponent().toJsonNode();
            ObjectNode expected = ((ObjectNode) component).deepCopy();
            dumped.remove("config");
            expected.remove("config");
            assertThat((JsonNode) dumped).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(cwd.resolve(".coding"));
        }
    }

    private static List<Long> readPids(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .toList();
    }

    /** Waits for each process to be gone (reaped), then checks none is alive. */
    private static void assertAllGone(List<Long> pids) throws Exception {
        assertThat(pids).isNotEmpty();
        for (long pid : pids) {
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid %d", pid).isNotEqualTo(
                    java.util.Optional.of(true));
        }
    }

    private static void awaitFile(Path file) throws Exception {
        try (var watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                    java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(file)) {
                watcher.poll(1, TimeUnit.SECONDS);
            }
        }
    }
}
