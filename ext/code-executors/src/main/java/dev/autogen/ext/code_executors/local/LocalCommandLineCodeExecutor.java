package dev.autogen.ext.code_executors.local;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.code_executor.CommandLineCodeResult;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ProcessGate;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code blocks as processes on this machine, the counterpart of Python's
 * {@code autogen_ext.code_executors.local.LocalCommandLineCodeExecutor}.
 *
 * <p><b>This runs code on this machine with the rights of this JVM.</b> Use it with model-written
 * code only inside a sandbox (a container or a VM).
 *
 * <p>Each block is written to a file in the working directory and run in its own process, in
 * order, stopping at the first block that fails. Languages: {@code python} (also {@code py}),
 * {@code bash}, {@code sh}, {@code shell}, and {@code pwsh}/{@code powershell}/{@code ps1} where
 * PowerShell is installed. The file is named {@code tmp_code_<sha256 of the code>.<ext>}, or as a
 * first line {@code # filename: <name>} asks (inside the working directory only). The output of a
 * block is its stderr followed by its stdout.
 *
 * <p>A block that runs longer than the timeout is killed together with every process it started,
 * and the result has exit code {@code 124} and output ending in {@code "Timeout"}, as in Python.
 * Cancelling the token kills the running process tree the same way and ends the call with a
 * {@link CancellationException}.
 *
 * <pre>{@code
 * try (var executor = LocalCommandLineCodeExecutor.builder()
 *         .workDir(Path.of("coding"))
 *         .timeout(Duration.ofSeconds(30))
 *         .build()) {
 *     executor.start();
 *     CommandLineCodeResult result = executor.executeCodeBlocks(
 *             List.of(new CodeBlock("print('hello')", "python")), new CancellationToken());
 *     // result.exitCode() == 0, result.output() == "hello\n"
 * }
 * }</pre>
 *
 * <p>A working directory given to the builder is created at the first run, not before. Without one
 * the executor uses a temporary directory, created on {@link #start()} (or the first run) and deleted
 * by {@link #stop()}. Loaded from a config, the executor runs code only with the user's consent (see
 * {@link dev.autogen.core.component.ConsentPolicy}). Thread-safe.
 *
 * <p>Not supported from Python: {@code functions} (Python callables made importable to the code);
 * Java has no Python functions to offer, so only {@code functions_module} is kept for config
 * compatibility.
 */
public final class LocalCommandLineCodeExecutor
        implements CodeExecutor, Component<LocalCommandLineCodeExecutorConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_ext.code_executors.local.LocalCommandLineCodeExecutor";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION =
            "A code executor class that executes code through a local command line\n    environment.";
    /** The languages accepted, as Python's {@code SUPPORTED_LANGUAGES}. */
    public static final List<String> SUPPORTED_LANGUAGES = CodeFileRules.SUPPORTED_LANGUAGES;

    private static final Logger LOG = LoggerFactory.getLogger(LocalCommandLineCodeExecutor.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();
    private static final Pattern PYTHON_IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    private final Duration timeout;
    private final @Nullable Path userWorkDir;
    private final String functionsModule;
    private final @Nullable VirtualEnvContext virtualEnvContext;
    private final boolean cleanupTempFiles;
    private final ProcessGate gate;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Path tempDir;

    private LocalCommandLineCodeExecutor(Builder b) {
        this.timeout = b.timeout;
        this.functionsModule = b.functionsModule;
        this.virtualEnvContext = b.virtualEnvContext;
        this.cleanupTempFiles = b.cleanupTempFiles;
        this.gate = b.gate;
        this.userWorkDir = b.workDir != null ? CodeFileRules.userDirectory(b.workDir, "work_dir") : null;
    }

    /** A builder with Python's defaults: 60 s timeout, temporary working directory, cleanup on. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This executor's component config. A temporary working directory is written as {@code null}
     * (it is gone once the executor stops); the virtual environment is not part of the config, as in
     * Python.
     */
    @Override
    public LocalCommandLineCodeExecutorConfig toConfig() {
        if (virtualEnvContext != null) {
            LOG.info("Virtual environment context will not be included in serialized configuration");
        }
        return new LocalCommandLineCodeExecutorConfig(
                (int) timeout.toSeconds(),
                userWorkDir == null ? null : userWorkDir.toString(),
                functionsModule,
                cleanupTempFiles);
    }

    /** The timeout of one block. */
    public Duration timeout() {
        return timeout;
    }

    /** The name of the functions module (kept for Python config compatibility). */
    public String functionsModule() {
        return functionsModule;
    }

    /** The virtual environment python blocks run in, if any. */
    public Optional<VirtualEnvContext> virtualEnvContext() {
        return Optional.ofNullable(virtualEnvContext);
    }

    /**
     * The working directory: the one given to the builder (created at the first run), or the
     * temporary one, which this creates if the executor has not been started.
     */
    public Path workDir() {
        if (userWorkDir != null) {
            return userWorkDir;
        }
        lock.lock();
        try {
            if (tempDir == null) {
                tempDir = Files.createTempDirectory("autogen-code-");
            }
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary work_dir: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the blocks in order and stops at the first that fails, times out or has an unknown
     * language.
     *
     * @throws CancellationException if the token is cancelled or the thread interrupted; the
     *     running process tree is killed first
     * @throws UncheckedIOException if a code file cannot be written or a program cannot be started
     * @throws IllegalStateException if a PowerShell block runs where PowerShell is not installed
     * @throws dev.autogen.core.component.ConsentRefusedException if the executor was loaded from a
     *     config and the user refused to run these blocks
     */
    @Override
    public CommandLineCodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        Objects.requireNonNull(codeBlocks, "codeBlocks");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        gate.check(CodeFileRules.render(codeBlocks), cancellationToken);
        Path dir = userWorkDir != null ? CodeFileRules.createDirectory(userWorkDir, "work_dir") : workDir();
        StringBuilder logs = new StringBuilder();
        List<Path> files = new ArrayList<>();
        int exitCode = 0;
        try {
            for (CodeBlock block : codeBlocks) {
                String lang = CodeFileRules.normalize(block.language());
                String code = CodeFileRules.silencePip(block.code(), lang);
                if (!CodeFileRules.isSupported(lang)) {
                    exitCode = 1;
                    logs.append("\nunknown language ").append(lang);
                    break;
                }
                String fileName;
                try {
                    fileName = CodeFileRules.fileNameFromContent(code, dir)
                            .orElseGet(() -> CodeFileRules.defaultFileName(code, lang));
                } catch (IllegalArgumentException e) {
                    return new CommandLineCodeResult(1, "Filename is not in the workspace", null);
                }
                Path file = write(dir.resolve(fileName).normalize(), code);
                files.add(file);

                ProcessRunner.Outcome outcome = ProcessRunner.run(
                        command(lang, file), dir, environment(), timeout, cancellationToken);
                if (outcome.timedOut()) {
                    logs.append("\nTimeout");
                    exitCode = outcome.exitCode();
                    break;
                }
                logs.append(outcome.stderr()).append(outcome.stdout());
                exitCode = outcome.exitCode();
                if (exitCode != 0) {
                    break;
                }
            }
        } finally {
            if (cleanupTempFiles) {
                files.forEach(LocalCommandLineCodeExecutor::deleteQuietly);
            }
        }
        return new CommandLineCodeResult(exitCode, logs.toString(), files.isEmpty() ? null : files.get(0).toString());
    }

    /** Creates the temporary working directory if none was given. */
    @Override
    public void start() {
        workDir();
    }

    /** Deletes the temporary working directory, if one was created. */
    @Override
    public void stop() {
        lock.lock();
        try {
            if (tempDir != null) {
                deleteTree(tempDir);
                tempDir = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Does nothing, as in Python: there is no long-lived process to restart. */
    @Override
    public void restart() {
        LOG.warn("Restarting local command line code executor is not supported. No action is taken.");
    }

    private List<String> command(String lang, Path file) {
        String path = file.toString();
        if (lang.equals("python")) {
            String python = virtualEnvContext != null ? virtualEnvContext.envExe().toString() : defaultPython();
            return List.of(python, path);
        }
        String program = Languages.shellCommand(lang);
        if (CodeFileRules.isPowerShell(lang)) {
            return List.of(program, "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", path);
        }
        return List.of(program, path);
    }

    private Map<String, String> environment() {
        if (virtualEnvContext == null) {
            return Map.of();
        }
        String path = System.getenv("PATH");
        return Map.of("PATH", virtualEnvContext.binPath() + (path == null ? "" : File.pathSeparator + path));
    }

    private static String defaultPython() {
        return Languages.findOnPath("python3").or(() -> Languages.findOnPath("python"))
                .map(Path::toString)
                .orElse("python3");
    }

    private static Path write(Path file, String code) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, code, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write code file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("Failed to delete temporary file {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(LocalCommandLineCodeExecutor::deleteQuietly);
        } catch (IOException e) {
            LOG.error("Failed to delete temporary work_dir {}: {}", root, e.getMessage());
        }
    }

    /** Options of {@link LocalCommandLineCodeExecutor}; each is checked when set. */
    public static final class Builder {
        private Duration timeout = Duration.ofSeconds(60);
        private @Nullable Path workDir;
        private String functionsModule = "functions";
        private @Nullable VirtualEnvContext virtualEnvContext;
        private boolean cleanupTempFiles = true;
        private ProcessGate gate = ProcessGate.OPEN;

        private Builder() {
        }

        /**
         * How long one block may run before its process tree is killed; default 60 seconds.
         *
         * @throws IllegalArgumentException if shorter than one second
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("timeout must be at least 1 second, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The working directory, created at the first run if missing; default a temporary directory. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /**
         * The functions module name, kept for Python config compatibility.
         *
         * @throws IllegalArgumentException if it is not a valid Python identifier
         */
        public Builder functionsModule(String functionsModule) {
            Objects.requireNonNull(functionsModule, "functionsModule");
            if (!PYTHON_IDENTIFIER.matcher(functionsModule).matches()) {
                throw new IllegalArgumentException("functions_module '" + functionsModule
                        + "' must be a valid Python identifier");
            }
            this.functionsModule = functionsModule;
            return this;
        }

        /** A Python virtual environment to run python blocks in and put first on the PATH. */
        public Builder virtualEnvContext(VirtualEnvContext virtualEnvContext) {
            this.virtualEnvContext = Objects.requireNonNull(virtualEnvContext, "virtualEnvContext");
            return this;
        }

        /** Whether code files are deleted after each run; default {@code true}. */
        public Builder cleanupTempFiles(boolean cleanupTempFiles) {
            this.cleanupTempFiles = cleanupTempFiles;
            return this;
        }

        public LocalCommandLineCodeExecutor build() {
            return new LocalCommandLineCodeExecutor(this);
        }
    }

    @Override
    public ComponentProvider<?, LocalCommandLineCodeExecutorConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<LocalCommandLineCodeExecutor, LocalCommandLineCodeExecutorConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CODE_EXECUTOR,
                    LocalCommandLineCodeExecutor.class, LocalCommandLineCodeExecutorConfig.class, DESCRIPTION);
        }

        @Override
        public LocalCommandLineCodeExecutor fromConfig(LocalCommandLineCodeExecutorConfig config, ComponentContext context) {
            Builder b = builder()
                    .timeout(Duration.ofSeconds(config.timeout()))
                    .functionsModule(config.functionsModule())
                    .cleanupTempFiles(config.cleanupTempFiles());
            Path workDir = config.workDir() == null ? null : Path.of(config.workDir());
            if (workDir != null) {
                b.workDir(workDir);
            }
            b.gate = context.processGate("run the code blocks it receives (python, shell) as programs on this machine,"
                    + " with your rights, in " + (workDir == null ? "a temporary directory" : "work_dir '" + workDir + "'"),
                    workDir == null ? Map.of() : Map.of("work_dir", workDir));
            return b.build();
        }
    }
}
