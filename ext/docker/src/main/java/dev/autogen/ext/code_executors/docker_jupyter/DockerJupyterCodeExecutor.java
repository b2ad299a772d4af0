package dev.autogen.ext.code_executors.docker_jupyter;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code blocks statefully in a kernel of a Jupyter server, the counterpart of Python's
 * {@code autogen_ext.code_executors.docker_jupyter.DockerJupyterCodeExecutor}: variables, imports and
 * functions defined by one block are there for the next, until {@link #restart()}. The server is usually
 * a {@link DockerJupyterServer} (a kernel gateway in a Docker container, so the code runs there), but
 * any Jupyter server or kernel gateway reachable over HTTP works, given its {@link JupyterConnectionInfo}.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import dev.autogen.core.code_executor.CodeBlock; -->
 * <pre>{@code
 * try (var server = DockerJupyterServer.builder().build();
 *         var executor = DockerJupyterCodeExecutor.builder(server).build()) {
 *     executor.start();
 *     var token = new CancellationToken();
 *     executor.executeCodeBlocks(List.of(new CodeBlock("x = 6 * 7", "python")), token);
 *     DockerJupyterCodeResult result = executor.executeCodeBlocks(List.of(new CodeBlock("print(x)", "python")), token);
 *     // result.exitCode() == 0, result.output() == "42\n"
 * }
 * }</pre>
 *
 * <p>{@link #start()} checks that the server has the kernelspec and starts a kernel
 * ({@code POST /api/kernels}); each run waits until the kernel answers on its WebSocket channel and then
 * sends each block ({@code pip install} lines made quiet) as an {@code execute_request}. Output is
 * Python's: stream text and {@code text/plain} results joined by newlines, PNG images and HTML saved to
 * the output directory (their paths in the output and {@link DockerJupyterCodeResult#outputFiles()}),
 * other data as JSON. A block that raises ends the run with exit code 1 and
 * {@code "ERROR: <name>: <value>"} plus the traceback; a block that runs past the timeout ends it with
 * exit code 1 and {@code "ERROR: Timeout waiting for output from code block."}, and the kernel is
 * interrupted so it is free for the next run, keeping its state. Cancelling the token interrupts the
 * kernel too and ends the call with {@link CancellationException}.
 *
 * <p>Loaded from a config, the executor needs the user's consent before it starts a kernel and before
 * each run. Thread-safe; blocks run one at a time.
 */
public final class DockerJupyterCodeExecutor implements CodeExecutor, Component<DockerJupyterCodeExecutorConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_ext.code_executors.docker_jupyter.DockerJupyterCodeExecutor";
    /** The description Python writes in this component's config (its docstring's first paragraph, as is). */
    public static final String DESCRIPTION = "(Experimental) A code executor class that executes code statefully using\n"
            + "    a Jupyter server supplied to this class.";

    private static final Logger LOG = LoggerFactory.getLogger(DockerJupyterCodeExecutor.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final JupyterConnectionInfo info;
    private final String kernelName;
    private final Duration timeout;
    private final @Nullable Path userOutputDir;
    private final ProcessGate gate;
    private final ReentrantLock lock = new ReentrantLock();
    private final JupyterClient client;
    private @Nullable String kernelId;
    private @Nullable JupyterKernelClient kernel;
    private @Nullable Path tempOutputDir;

    private DockerJupyterCodeExecutor(Builder b) {
        this.info = b.server.connectionInfo();
        this.kernelName = b.kernelName;
        this.timeout = b.timeout;
        this.gate = b.gate;
        Path outputDir = b.outputDir != null ? b.outputDir
                : b.server instanceof DockerJupyterServer docker ? docker.bindDir().orElse(null) : null;
        this.userOutputDir = outputDir != null ? CodeFileRules.userDirectory(outputDir, "output_dir") : null;
        this.client = new JupyterClient(info);
    }

    /**
     * A builder for the server {@code server} (a {@link DockerJupyterServer} or a
     * {@link JupyterConnectionInfo}), with Python's defaults: kernel {@code python3}, 60 s timeout, output
     * to the server's bind directory or a temporary directory.
     */
    public static Builder builder(JupyterConnectable server) {
        return new Builder(server);
    }

    /** Where the server listens. */
    public JupyterConnectionInfo connectionInfo() {
        return info;
    }

    /** The kernelspec the executor starts. */
    public String kernelName() {
        return kernelName;
    }

    /** How long one block may run. */
    public Duration timeout() {
        return timeout;
    }

    /** The id of the running kernel on the server, if started. */
    public java.util.Optional<String> kernelId() {
        lock.lock();
        try {
            return java.util.Optional.ofNullable(kernelId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a kernel on the server; does nothing if one is running.
     *
     * @throws IllegalStateException if the server has no kernelspec of that name (the message lists those it has)
     * @throws JupyterServerException if the server cannot be reached or refuses
     */
    @Override
    public void start() {
        lock.lock();
        try {
            if (kernelId != null) {
                return;
            }
            gate.check("a '" + kernelName + "' kernel on the Jupyter server at " + info.apiBaseUrl(),
                    new CancellationToken());
            List<String> available = client.kernelSpecNames();
            if (!available.contains(kernelName)) {
                throw new IllegalStateException("Kernel " + kernelName + " is not installed on the Jupyter server at "
                        + info.apiBaseUrl() + "; it has " + available);
            }
            kernelId = client.startKernel(kernelName);
            LOG.debug("started kernel {} ({}) on {}", kernelId, kernelName, info.apiBaseUrl());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the blocks in order in the kernel (starting one if needed) and stops at the first that raises
     * or times out.
     *
     * @throws CancellationException if the token is cancelled; the kernel is interrupted and keeps its state
     * @throws JupyterServerException if the server cannot be reached or the kernel's channel closes
     */
    @Override
    public DockerJupyterCodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        Objects.requireNonNull(codeBlocks, "codeBlocks");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        gate.check(CodeFileRules.render(codeBlocks), cancellationToken);
        lock.lock();
        try {
            JupyterKernelClient channel = kernelClient();
            if (!channel.waitForReady(timeout)) {
                return new DockerJupyterCodeResult(1, "ERROR: Kernel not ready", List.of());
            }
            List<String> outputs = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (CodeBlock block : codeBlocks) {
                cancellationToken.throwIfCancelled();
                String code = CodeFileRules.silencePip(block.code(), block.language());
                JupyterKernelClient.ExecutionResult result;
                try {
                    result = channel.execute(code, timeout, cancellationToken);
                } catch (CancellationException e) {
                    interruptQuietly();
                    throw e;
                }
                if (!result.isOk()) {
                    if (result.output().startsWith("Timeout")) {
                        interruptQuietly();
                    }
                    return new DockerJupyterCodeResult(1, String.join("\n", outputs) + "\nERROR: " + result.output(),
                            files);
                }
                outputs.add(result.output());
                for (JupyterKernelClient.DataItem item : result.dataItems()) {
                    switch (item.mimeType()) {
                        case "image/png" -> {
                            Path file = save(Base64.getMimeDecoder().decode(item.data()), ".png");
                            outputs.add(file.toString());
                            files.add(file);
                        }
                        case "text/html" -> {
                            Path file = save(item.data().getBytes(StandardCharsets.UTF_8), ".html");
                            outputs.add(file.toString());
                            files.add(file);
                        }
                        default -> outputs.add(dev.autogen.core.serialization.AutogenJson.mapper()
                                .valueToTree(item.data()).toString());
                    }
                }
            }
            return new DockerJupyterCodeResult(0, String.join("\n", outputs), files);
        } finally {
            lock.unlock();
        }
    }

    private JupyterKernelClient kernelClient() {
        if (kernelId == null) {
            start();
        }
        if (kernel == null) {
            kernel = client.kernelClient(Objects.requireNonNull(kernelId));
        }
        return kernel;
    }

    private void interruptQuietly() {
        if (kernelId == null) {
            return;
        }
        try {
            client.interruptKernel(kernelId);
        } catch (RuntimeException e) {
            LOG.warn("could not interrupt kernel {} on {}: {}", kernelId, info.apiBaseUrl(), e.getMessage());
        }
    }

    private Path save(byte[] content, String suffix) {
        Path file = outputDir().resolve(UUID.randomUUID().toString().replace("-", "") + suffix).toAbsolutePath();
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save an output of the kernel to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The directory outputs are saved to: the configured one, else a temporary one made on first use. */
    public Path outputDir() {
        lock.lock();
        try {
            if (userOutputDir != null) {
                CodeFileRules.createDirectory(userOutputDir, "output_dir");
                return userOutputDir;
            }
            if (tempOutputDir == null) {
                try {
                    tempOutputDir = Files.createTempDirectory("autogen-docker-jupyter-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a temporary output_dir: " + e.getMessage(), e);
                }
            }
            return tempOutputDir;
        } finally {
            lock.unlock();
        }
    }

    /** Restarts the kernel on the server ({@code /restart}): every variable, import and function is forgotten. */
    @Override
    public void restart() {
        lock.lock();
        try {
            if (kernelId != null) {
                client.restartKernel(kernelId);
            }
            if (kernel != null) {
                kernel.close();
                kernel = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shuts the kernel down on the server and closes the connections; the server keeps running. */
    @Override
    public void stop() {
        lock.lock();
        try {
            if (kernel != null) {
                kernel.close();
                kernel = null;
            }
            if (kernelId != null) {
                try {
                    client.deleteKernel(kernelId);
                } catch (JupyterServerException e) {
                    LOG.warn("could not shut down kernel {} on {}: {}", kernelId, info.apiBaseUrl(), e.getMessage());
                }
                kernelId = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DockerJupyterCodeExecutorConfig toConfig() {
        return new DockerJupyterCodeExecutorConfig(info, kernelName, (int) Math.max(1, timeout.toSeconds()),
                userOutputDir == null ? null : userOutputDir.toString());
    }

    @Override
    public ComponentProvider<?, DockerJupyterCodeExecutorConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public String toString() {
        return "DockerJupyterCodeExecutor(" + info.apiBaseUrl() + ", kernel=" + kernelName + ")";
    }

    /** Options of {@link DockerJupyterCodeExecutor}; each is checked when set. */
    public static final class Builder {
        private final JupyterConnectable server;
        private String kernelName = "python3";
        private Duration timeout = Duration.ofSeconds(60);
        private @Nullable Path outputDir;
        private ProcessGate gate = ProcessGate.OPEN;

        private Builder(JupyterConnectable server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /** The kernelspec to start; default {@code python3}. */
        public Builder kernelName(String kernelName) {
            if (kernelName.isBlank()) {
                throw new IllegalArgumentException("kernel_name must not be blank");
            }
            this.kernelName = kernelName;
            return this;
        }

        /**
         * How long one block may run; default 60 s.
         *
         * @throws IllegalArgumentException if shorter than one second, as Python
         */
        public Builder timeout(Duration timeout) {
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("Timeout must be greater than or equal to 1 second, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Where images and HTML outputs are saved; default the server's bind directory, else a temporary one. */
        public Builder outputDir(Path outputDir) {
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
            return this;
        }

        /** The executor; nothing is contacted before {@link DockerJupyterCodeExecutor#start()}. */
        public DockerJupyterCodeExecutor build() {
            return new DockerJupyterCodeExecutor(this);
        }
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider
            extends AbstractComponentProvider<DockerJupyterCodeExecutor, DockerJupyterCodeExecutorConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CODE_EXECUTOR, DockerJupyterCodeExecutor.class,
                    DockerJupyterCodeExecutorConfig.class, DESCRIPTION);
        }

        @Override
        public DockerJupyterCodeExecutor fromConfig(DockerJupyterCodeExecutorConfig config, ComponentContext context) {
            Builder b = builder(config.jupyterServer()).kernelName(config.kernelName())
                    .timeout(Duration.ofSeconds(config.timeout()));
            Path outputDir = config.outputDir() == null ? null : Path.of(config.outputDir());
            if (outputDir != null) {
                b.outputDir(outputDir);
            }
            b.gate = context.processGate("start a '" + config.kernelName() + "' kernel on the Jupyter server at "
                    + config.jupyterServer().apiBaseUrl() + " and run the code blocks it receives in it",
                    outputDir == null ? Map.of() : Map.of("output_dir", outputDir));
            return b.build();
        }
    }
}
