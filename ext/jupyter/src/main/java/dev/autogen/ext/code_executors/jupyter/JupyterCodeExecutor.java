package dev.autogen.ext.code_executors.jupyter;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ProcessGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code blocks statefully in a Jupyter kernel, the counterpart of Python's
 * {@code autogen_ext.code_executors.jupyter.JupyterCodeExecutor}: variables, imports and functions
 * defined by one block are there for the next, until {@link #restart()}.
 *
 * <p><b>This runs code on this machine with the rights of this JVM.</b> Use it with model-written
 * code only inside a sandbox (a container or a VM).
 *
 * <p>{@link #start()} launches the kernel named by {@code kernelName} (its {@code kernel.json} is
 * looked up where {@code jupyter kernelspec list} looks: {@code JUPYTER_PATH}, the user data
 * directory, {@code /usr/local/share/jupyter}, {@code /usr/share/jupyter}; for {@code python3}
 * without a kernelspec, {@code python3 -m ipykernel_launcher} on the PATH), or the command given to
 * {@link Builder#kernelCommand}. The executor talks to the kernel directly over the Jupyter
 * messaging protocol; no Jupyter server is involved.
 *
 * <pre>{@code
 * try (var executor = JupyterCodeExecutor.builder().timeout(Duration.ofSeconds(30)).build()) {
 *     executor.start();
 *     var token = new CancellationToken();
 *     executor.executeCodeBlocks(List.of(new CodeBlock("x = 6 * 7", "python")), token);
 *     JupyterCodeResult result = executor.executeCodeBlocks(List.of(new CodeBlock("print(x)", "python")), token);
 *     // result.exitCode() == 0, result.output() == "42\n"
 * }
 * }</pre>
 *
 * <p>Every block goes to the kernel whatever its language tag, as in Python. Output is built like
 * Python's: stream text, error tracebacks (exit code 1, later blocks are skipped), the
 * {@code text/plain} form of results; PNG images and HTML are saved to the output directory and
 * listed in {@link JupyterCodeResult#outputFiles()}.
 *
 * <p>A block that runs past the timeout is interrupted (an {@code interrupt_request} on the control
 * channel, then SIGINT if the kernel does not answer it); the result has exit code {@code 124} and
 * output ending in {@code "Timeout"}, and the kernel keeps its state. A kernel that does not stop
 * even then is restarted, losing its state, and the output says so. Cancelling the token interrupts
 * the kernel the same way and ends the call with a {@link CancellationException}.
 *
 * <p>Thread-safe; blocks run one at a time. Without an output directory the executor uses a
 * temporary one, deleted by {@link #stop()}.
 */
public final class JupyterCodeExecutor implements CodeExecutor, Component<JupyterCodeExecutorConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_ext.code_executors.jupyter.JupyterCodeExecutor";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION =
            "A code executor class that executes code statefully using [nbclient](https://github.com/jupyter/nbclient).";

    private static final Logger LOG = LoggerFactory.getLogger(JupyterCodeExecutor.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final String kernelName;
    private final Duration timeout;
    private final @Nullable Path userOutputDir;
    private final @Nullable List<String> kernelCommand;
    private final ProcessGate gate;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final ReentrantLock running = new ReentrantLock();
    private volatile @Nullable Kernel kernel;
    private @Nullable Path tempOutputDir;

    private JupyterCodeExecutor(Builder b) {
        this.kernelName = b.kernelName;
        this.timeout = b.timeout;
        this.kernelCommand = b.kernelCommand;
        this.gate = b.gate;
        this.userOutputDir = b.outputDir != null ? CodeFileRules.userDirectory(b.outputDir, "output_dir") : null;
    }

    /** A builder with Python's defaults: kernel {@code python3}, 60 s timeout, temporary output directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernelspec name. */
    public String kernelName() {
        return kernelName;
    }

    /** How long one block may run before the kernel is interrupted. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Where images and HTML outputs are saved: the directory given to the builder, or the temporary
     * one, which this creates if the executor has not been started.
     */
    public Path outputDir() {
        if (userOutputDir != null) {
            return userOutputDir;
        }
        lifecycle.lock();
        try {
            if (tempOutputDir == null) {
                tempOutputDir = Files.createTempDirectory("autogen-jupyter-");
            }
            return tempOutputDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary output_dir: " + e.getMessage(), e);
        } finally {
            lifecycle.unlock();
        }
    }

    /** The process id of the running kernel, if one is running. */
    public Optional<Long> kernelPid() {
        Kernel k = kernel;
        return k == null ? Optional.empty() : Optional.of(k.pid());
    }

    /**
     * This executor's component config. A temporary output directory is written as {@code null}
     * (it is gone once the executor stops); a {@link Builder#kernelCommand} is not part of the
     * config, which names the kernel by {@code kernel_name} as in Python.
     */
    @Override
    public JupyterCodeExecutorConfig toConfig() {
        if (kernelCommand != null) {
            LOG.info("The kernel command is not included in the serialized configuration; only kernel_name is");
        }
        return new JupyterCodeExecutorConfig(kernelName, (int) timeout.toSeconds(),
                userOutputDir == null ? null : userOutputDir.toString());
    }

    /**
     * Starts the kernel and waits until it answers; does nothing if it is running, and replaces a
     * kernel that has died.
     *
     * @throws IllegalStateException if no kernel can be found or started, or it does not answer
     *     within 60 seconds; the message includes the kernel's own output
     */
    @Override
    public void start() {
        lifecycle.lock();
        try {
            Kernel current = kernel;
            if (current != null && current.isAlive()) {
                return;
            }
            if (current != null) {
                kernel = null;
                current.close();
            }
            gate.check("the Jupyter kernel '" + kernelName + "'", new CancellationToken());
            if (userOutputDir != null) {
                CodeFileRules.createDirectory(userOutputDir, "output_dir");
            }
            outputDir();
            kernel = Kernel.start(kernelSpec(), null);
        } finally {
            lifecycle.unlock();
        }
    }

    /** Shuts the kernel down (killing it if it does not exit) and deletes a temporary output directory. */
    @Override
    public void stop() {
        lifecycle.lock();
        try {
            Kernel k = kernel;
            kernel = null;
            if (k != null) {
                k.close();
            }
            if (tempOutputDir != null) {
                deleteTree(tempOutputDir);
                tempOutputDir = null;
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** Replaces the kernel with a new one: every variable, import and function is forgotten. */
    @Override
    public void restart() {
        lifecycle.lock();
        try {
            Kernel k = kernel;
            kernel = null;
            if (k != null) {
                k.close();
            }
            start();
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Runs the blocks in order in the kernel and stops at the first that raises or times out.
     *
     * @throws IllegalStateException if the executor has not been started, or its kernel has died
     *     (call {@link #restart()})
     * @throws CancellationException if the token is cancelled or the thread interrupted; the kernel
     *     is interrupted first and keeps its state
     */
    @Override
    public JupyterCodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        Objects.requireNonNull(codeBlocks, "codeBlocks");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        gate.check(CodeFileRules.render(codeBlocks), cancellationToken);
        running.lock();
        try {
            List<String> outputs = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            int exitCode = 0;
            for (CodeBlock block : codeBlocks) {
                cancellationToken.throwIfCancelled();
                Kernel k = kernel;
                if (k == null) {
                    throw new IllegalStateException("JupyterCodeExecutor is not started: call start() before "
                            + "executeCodeBlocks()");
                }
                if (!k.isAlive()) {
                    throw new IllegalStateException("the Jupyter kernel (pid " + k.pid() + ") is not running: "
                            + "call restart() to start a new one");
                }
                Kernel.Execution execution = k.execute(CodeFileRules.silencePip(block.code(), block.language()), timeout,
                        cancellationToken);
                boolean interrupted = execution.ending() != Kernel.Ending.COMPLETED;
                CellOutputs cell = CellOutputs.collect(execution.outputs(), outputDir(), interrupted);
                files.addAll(cell.files());
                List<String> texts = new ArrayList<>(cell.texts());
                exitCode = cell.exitCode();
                switch (execution.ending()) {
                    case COMPLETED -> { }
                    case CANCELLED -> throw new CancellationException("code execution in the Jupyter kernel was "
                            + "cancelled; the kernel was interrupted");
                    case TIMED_OUT -> {
                        texts.add("Timeout");
                        exitCode = 124;
                    }
                    case UNRESPONSIVE -> {
                        texts.add("Timeout");
                        texts.add("The kernel did not stop when interrupted and was restarted: all its state is lost.");
                        exitCode = 124;
                        restart();
                    }
                    case DIED -> {
                        texts.add("The Jupyter kernel died while running this code; its state is lost. "
                                + "Call restart() to start a new kernel.");
                        exitCode = 1;
                    }
                }
                outputs.add(String.join("\n", texts));
                if (exitCode != 0) {
                    break;
                }
            }
            return new JupyterCodeResult(exitCode, String.join("\n", outputs), files);
        } finally {
            running.unlock();
        }
    }

    private KernelSpec kernelSpec() {
        if (kernelCommand != null) {
            return new KernelSpec(kernelName, kernelCommand, java.util.Map.of(), outputDir());
        }
        List<Path> dirs = KernelSpec.searchPath(System.getenv());
        return KernelSpec.find(kernelName, dirs)
                .or(() -> kernelName.equals("python3") ? Optional.of(KernelSpec.nativePython(outputDir()))
                        : Optional.empty())
                .orElseThrow(() -> new IllegalStateException("no kernelspec named '" + kernelName + "' in " + dirs
                        + ": install one (e.g. python3 -m ipykernel install --user --name " + kernelName
                        + ") or give the builder a kernelCommand"));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.error("Failed to delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.error("Failed to delete temporary output_dir {}: {}", root, e.getMessage());
        }
    }

    /** Options of {@link JupyterCodeExecutor}; each is checked when set. */
    public static final class Builder {
        private String kernelName = "python3";
        private Duration timeout = Duration.ofSeconds(60);
        private @Nullable Path outputDir;
        private @Nullable List<String> kernelCommand;
        private ProcessGate gate = ProcessGate.OPEN;

        private Builder() {
        }

        /**
         * The kernelspec to start; default {@code python3}.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder kernelName(String kernelName) {
            Objects.requireNonNull(kernelName, "kernelName");
            if (kernelName.isBlank()) {
                throw new IllegalArgumentException("kernel_name must not be blank");
            }
            this.kernelName = kernelName;
            return this;
        }

        /**
         * How long one block may run before the kernel is interrupted; default 60 seconds.
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

        /** Where images and HTML outputs are saved, created if missing; default a temporary directory. */
        public Builder outputDir(Path outputDir) {
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
            return this;
        }

        /**
         * The command that starts the kernel, instead of the kernelspec's, e.g.
         * {@code List.of("/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}")}.
         * Java only: not part of the component config.
         *
         * @throws IllegalArgumentException if it is empty or has no {@code {connection_file}} argument
         */
        public Builder kernelCommand(List<String> kernelCommand) {
            Objects.requireNonNull(kernelCommand, "kernelCommand");
            if (kernelCommand.isEmpty() || kernelCommand.stream().noneMatch(a -> a.contains(KernelSpec.CONNECTION_FILE))) {
                throw new IllegalArgumentException("kernelCommand " + kernelCommand + " must pass the connection file "
                        + "to the kernel: add a \"" + KernelSpec.CONNECTION_FILE + "\" argument");
            }
            this.kernelCommand = List.copyOf(kernelCommand);
            return this;
        }

        public JupyterCodeExecutor build() {
            return new JupyterCodeExecutor(this);
        }
    }

    @Override
    public ComponentProvider<?, JupyterCodeExecutorConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<JupyterCodeExecutor, JupyterCodeExecutorConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CODE_EXECUTOR, JupyterCodeExecutor.class, JupyterCodeExecutorConfig.class,
                    DESCRIPTION);
        }

        @Override
        public JupyterCodeExecutor fromConfig(JupyterCodeExecutorConfig config, ComponentContext context) {
            Builder b = builder().kernelName(config.kernelName()).timeout(Duration.ofSeconds(config.timeout()));
            Path outputDir = config.outputDir() == null ? null : Path.of(config.outputDir());
            if (outputDir != null) {
                b.outputDir(outputDir);
            }
            b.gate = context.processGate("start the Jupyter kernel '" + config.kernelName()
                    + "' on this machine and run the code blocks it receives in it, with your rights",
                    outputDir == null ? java.util.Map.of() : java.util.Map.of("output_dir", outputDir));
            return b.build();
        }
    }
}
