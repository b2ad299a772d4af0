package dev.autogen.ext.code_executors.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
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
import dev.autogen.core.utils.Concurrency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code blocks in a Docker container, the counterpart of Python's
 * {@code autogen_ext.code_executors.docker.DockerCommandLineCodeExecutor}.
 *
 * <p>{@link #start()} creates and starts a container from the image (pulled if the engine lacks
 * it) with the working directory mounted at {@code /workspace}. Each block is then written to a
 * file in the working directory and run in the container with {@code docker exec}, in order,
 * stopping at the first block that fails. Languages: {@code python} (also {@code py}), {@code bash},
 * {@code sh}, {@code shell}, and {@code pwsh}/{@code powershell}/{@code ps1} where the image has
 * PowerShell. Files are named {@code tmp_code_<sha256>.<ext>}, or as a first line
 * {@code # filename: <name>} asks (inside the working directory only). The output of a block is its
 * stdout and stderr as they came.
 *
 * <pre>{@code
 * try (var executor = DockerCommandLineCodeExecutor.builder()
 *         .image("python:3-slim")
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
 * <p>Each block runs under coreutils' {@code timeout} in the container: past the timeout it is
 * killed and the result has exit code {@code 124} and output ending in {@code "\n Timeout"}, as in
 * Python. Cancelling the token stops waiting, kills the block's command in the container
 * ({@code pkill -f}, where the image has it; otherwise the container's {@code timeout} ends it) and
 * ends the call with a {@link CancellationException}.
 *
 * <p>The engine is found as the {@code docker} CLI finds it ({@code DOCKER_HOST}, the current
 * docker context, the default socket) unless {@link Builder#dockerHost} says otherwise. When the
 * container runs in a container itself, {@code bindDir} is the working directory as the engine's
 * host sees it. With {@code stopContainer} (the default) the container is also stopped when the JVM
 * exits; with {@code autoRemove} (the default) the engine then removes it.
 *
 * <p>Thread-safe; blocks run one at a time.
 */
public final class DockerCommandLineCodeExecutor implements CodeExecutor, Component<DockerCommandLineCodeExecutorConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_ext.code_executors.docker.DockerCommandLineCodeExecutor";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "Executes code through a command line environment in a Docker container.";
    /** The image used unless another is given, as in Python. */
    public static final String DEFAULT_IMAGE = "python:3-slim";
    /** The languages accepted, as Python's {@code SUPPORTED_LANGUAGES}. */
    public static final List<String> SUPPORTED_LANGUAGES = CodeFileRules.SUPPORTED_LANGUAGES;
    /** Where the working directory is mounted in the container, and the directory code runs in. */
    public static final String CONTAINER_WORKSPACE = "/workspace";

    private static final Logger LOG = LoggerFactory.getLogger(DockerCommandLineCodeExecutor.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();
    private static final Pattern PYTHON_IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration EXEC_GRACE = Duration.ofSeconds(30);

    private final String image;
    private final String containerName;
    private final Duration timeout;
    private final @Nullable Path userWorkDir;
    private final @Nullable Path userBindDir;
    private final boolean autoRemove;
    private final boolean stopContainer;
    private final List<PythonFunction> functions;
    private final String functionsModule;
    private final Map<String, Map<String, String>> extraVolumes;
    private final Map<String, String> extraHosts;
    private final @Nullable String initCommand;
    private final boolean deleteTmpFiles;
    private final List<DeviceRequest> deviceRequests;
    private final @Nullable String dockerHost;
    private final ProcessGate gate;

    private final ReentrantLock lifecycle = new ReentrantLock();
    private final ReentrantLock running = new ReentrantLock();
    private @Nullable DockerEngine engine;
    private volatile @Nullable String containerId;
    private @Nullable Path tempDir;
    private @Nullable Thread shutdownHook;
    private boolean functionsReady;

    private DockerCommandLineCodeExecutor(Builder b) {
        this.image = b.image;
        this.containerName = b.containerName != null ? b.containerName : "autogen-code-exec-" + UUID.randomUUID();
        this.timeout = b.timeout;
        this.autoRemove = b.autoRemove;
        this.stopContainer = b.stopContainer;
        this.functions = List.copyOf(b.functions);
        this.functionsModule = b.functionsModule;
        this.extraVolumes = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraVolumes));
        this.extraHosts = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHosts));
        this.initCommand = b.initCommand;
        this.deleteTmpFiles = b.deleteTmpFiles;
        this.deviceRequests = List.copyOf(b.deviceRequests);
        this.dockerHost = b.dockerHost;
        this.functionsReady = functions.isEmpty();
        this.gate = b.gate;
        this.userWorkDir = b.workDir != null ? CodeFileRules.userDirectory(b.workDir, "work_dir") : null;
        this.userBindDir = b.bindDir;
    }

    /** A builder with Python's defaults: image {@value #DEFAULT_IMAGE}, 60 s timeout, temporary working directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The image the container runs. */
    public String image() {
        return image;
    }

    /** The container's name. */
    public String containerName() {
        return containerName;
    }

    /** How long one block may run. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Where code files are written: the directory given to the builder, or the temporary one made
     * by {@link #start()}.
     *
     * @throws IllegalStateException if neither exists yet
     */
    public Path workDir() {
        if (userWorkDir != null) {
            return userWorkDir;
        }
        Path temp = tempDir;
        if (temp == null) {
            throw new IllegalStateException("Working directory not properly initialized: give the builder a "
                    + "workDir or call start() first");
        }
        return temp;
    }

    /** The host directory mounted at {@value #CONTAINER_WORKSPACE}: the given bind directory, else {@link #workDir()}. */
    public Path bindDir() {
        return userBindDir != null ? userBindDir : workDir();
    }

    /** Whether the container has been started and not stopped. */
    public boolean isRunning() {
        return containerId != null;
    }

    /**
     * This executor's component config. Functions and device requests are not part of it, as in
     * Python; a temporary working directory is written as {@code null}.
     */
    @Override
    public DockerCommandLineCodeExecutorConfig toConfig() {
        if (!functions.isEmpty()) {
            LOG.info("Functions will not be included in serialized configuration");
        }
        return new DockerCommandLineCodeExecutorConfig(image, containerName, (int) timeout.toSeconds(),
                userWorkDir == null ? null : userWorkDir.toString(),
                userBindDir == null ? null : userBindDir.toString(),
                autoRemove, stopContainer, functionsModule, extraVolumes, extraHosts, initCommand, deleteTmpFiles);
    }

    /**
     * Connects to the engine, pulls the image if needed, replaces any container of the same name
     * and starts a new one; does nothing if already running.
     *
     * @throws IllegalStateException if no Docker engine answers (the message names the host tried),
     *     or the container does not reach the running state (the message has its logs)
     * @throws com.github.dockerjava.api.exception.DockerException if the engine refuses a request,
     *     e.g. an image that cannot be pulled
     */
    @Override
    public void start() {
        lifecycle.lock();
        try {
            if (containerId != null) {
                return;
            }
            gate.check("a container from image '" + image + "'" + (extraVolumes.isEmpty() ? "" : " with volumes "
                    + extraVolumes.keySet()) + (initCommand == null ? "" : ", then its init_command: " + initCommand),
                    new CancellationToken());
            boolean createdTemp = false;
            if (userWorkDir != null) {
                CodeFileRules.createDirectory(userWorkDir, "work_dir");
            } else if (tempDir == null) {
                tempDir = Files.createTempDirectory("autogen-docker-");
                createdTemp = true;
            }
            DockerEngine newEngine = null;
            try {
                newEngine = DockerEngine.connect(dockerHost);
                newEngine.ping();
                newEngine.ensureImage(image);
                newEngine.removeIfPresent(containerName);
                String id = createContainerCmd(newEngine).exec().getId();
                newEngine.client().startContainerCmd(id).exec();
                if (!newEngine.waitUntilRunning(id, START_WAIT)) {
                    throw new IllegalStateException("Failed to start container from image " + image + ". Logs: "
                            + newEngine.logs(id));
                }
                engine = newEngine;
                containerId = id;
                if (stopContainer) {
                    DockerEngine hookEngine = newEngine;
                    shutdownHook = Concurrency.addShutdownHook("autogen-docker-stop-" + containerName, () -> {
                        LOG.info("stopping container {} as the JVM exits", containerName);
                        hookEngine.stop(id);
                    });
                }
                LOG.debug("container {} ({}) is running from image {}", containerName, id, image);
            } catch (RuntimeException e) {
                if (newEngine != null) {
                    newEngine.close();
                }
                if (createdTemp) {
                    deleteTree(tempDir);
                    tempDir = null;
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary work_dir: " + e.getMessage(), e);
        } finally {
            lifecycle.unlock();
        }
    }

    /** The create-container request {@link #start()} sends, as Python's {@code containers.create(...)} call. */
    CreateContainerCmd createContainerCmd(DockerEngine target) {
        List<Bind> binds = new ArrayList<>();
        binds.add(Bind.parse(bindDir().toAbsolutePath() + ":" + CONTAINER_WORKSPACE + ":rw"));
        extraVolumes.forEach((host, spec) -> binds.add(volumeBind(host, spec)));
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withAutoRemove(autoRemove)
                .withBinds(binds)
                .withExtraHosts(extraHosts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                        .toArray(String[]::new));
        if (!deviceRequests.isEmpty()) {
            hostConfig.withDeviceRequests(deviceRequests.stream().map(DeviceRequest::toDocker).toList());
        }
        CreateContainerCmd cmd = target.client().createContainerCmd(image)
                .withName(containerName)
                .withEntrypoint("/bin/sh")
                .withTty(true)
                .withWorkingDir(CONTAINER_WORKSPACE)
                .withHostConfig(hostConfig);
        if (initCommand != null) {
            cmd.withCmd("-c", initCommand + ";exec /bin/sh");
        }
        return cmd;
    }

    /**
     * Stops the container (the engine removes it when {@code autoRemove}) and deletes a temporary
     * working directory. Does nothing if not running.
     */
    @Override
    public void stop() {
        lifecycle.lock();
        try {
            String id = containerId;
            DockerEngine current = engine;
            if (id == null || current == null) {
                return;
            }
            containerId = null;
            engine = null;
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    LOG.trace("the JVM is shutting down: its hook stops the container");
                }
                shutdownHook = null;
            }
            if (tempDir != null) {
                deleteTree(tempDir);
                tempDir = null;
            }
            try {
                current.stop(id);
            } finally {
                current.close();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Restarts the container: running processes end, files in the working directory stay.
     *
     * @throws IllegalStateException if the container is not running, or does not run again (with its logs)
     */
    @Override
    public void restart() {
        lifecycle.lock();
        try {
            String id = requireRunning();
            DockerEngine current = Objects.requireNonNull(engine);
            current.restart(id);
            if (!current.waitUntilRunning(id, START_WAIT)) {
                String logs = current.logs(id);
                stop();
                throw new IllegalStateException("Failed to restart container. Logs: " + logs);
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Runs the blocks in order in the container and stops at the first that fails, times out or
     * has an unknown language. On the first call, the functions module is written and its packages
     * installed.
     *
     * @throws IllegalArgumentException if {@code codeBlocks} is empty
     * @throws IllegalStateException if the container is not running, or the functions fail to load
     * @throws CancellationException if the token is cancelled or the thread interrupted
     * @throws UncheckedIOException if a code file cannot be written
     */
    @Override
    public CommandLineCodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        Objects.requireNonNull(codeBlocks, "codeBlocks");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        if (codeBlocks.isEmpty()) {
            throw new IllegalArgumentException("No code blocks to execute.");
        }
        gate.check(CodeFileRules.render(codeBlocks), cancellationToken);
        running.lock();
        try {
            requireRunning();
            if (!functionsReady) {
                setUpFunctions(cancellationToken);
            }
            return run(codeBlocks, cancellationToken);
        } finally {
            running.unlock();
        }
    }

    private void setUpFunctions(CancellationToken token) {
        String module = CodeFiles.functionsModule(functions);
        write(workDir().resolve(functionsModule + ".py"), module);
        List<String> packages = CodeFiles.requiredPackages(functions);
        if (!packages.isEmpty()) {
            LOG.info("Ensuring packages are installed in executor.");
            CommandLineCodeResult pip = run(List.of(new CodeBlock(
                    "python -m pip install " + CodeFiles.shellJoin(packages), "sh")), token);
            if (pip.exitCode() != 0) {
                throw new IllegalStateException("Pip install failed. " + pip.output());
            }
        }
        CommandLineCodeResult load = run(List.of(new CodeBlock(module, "python")), token);
        if (load.exitCode() != 0) {
            throw new IllegalStateException("Functions failed to load: " + load.output());
        }
        functionsReady = true;
    }

    private CommandLineCodeResult run(List<CodeBlock> codeBlocks, CancellationToken token) {
        Path dir = workDir();
        StringBuilder outputs = new StringBuilder();
        List<Path> files = new ArrayList<>();
        int exitCode = 0;
        try {
            for (CodeBlock block : codeBlocks) {
                token.throwIfCancelled();
                String lang = CodeFileRules.normalize(block.language());
                String code = CodeFileRules.silencePip(block.code(), lang);
                if (!CodeFileRules.isSupported(lang)) {
                    outputs.append("\nunknown language ").append(lang);
                    exitCode = 1;
                    break;
                }
                String fileName;
                try {
                    fileName = CodeFileRules.fileNameFromContent(code, dir).map(name -> name.replace('\\', '/'))
                            .orElseGet(() -> CodeFileRules.defaultFileName(code, lang));
                } catch (IllegalArgumentException e) {
                    outputs.append("Filename is not in the workspace");
                    exitCode = 1;
                    break;
                }
                files.add(write(dir.resolve(fileName).normalize(), code));
                DockerEngine.ExecResult result = exec(CodeFiles.command(lang, fileName, (int) timeout.toSeconds()), token);
                outputs.append(result.output());
                exitCode = result.exitCode();
                if (exitCode != 0) {
                    break;
                }
            }
        } finally {
            if (deleteTmpFiles) {
                files.forEach(DockerCommandLineCodeExecutor::deleteQuietly);
            }
        }
        return new CommandLineCodeResult(exitCode, outputs.toString(), files.isEmpty() ? null : files.get(0).toString());
    }

    private DockerEngine.ExecResult exec(List<String> command, CancellationToken token) {
        String id = requireRunning();
        DockerEngine current = Objects.requireNonNull(engine);
        AtomicReference<@Nullable AutoCloseable> stream = new AtomicReference<>();
        try (CancellationToken.Registration ignored = token.onCancel(() -> {
            AutoCloseable s = stream.get();
            if (s != null) {
                DockerEngine.closeQuietly(s);
            }
        })) {
            DockerEngine.ExecResult result = current.exec(id, command, timeout.plus(EXEC_GRACE), s -> {
                stream.set(s);
                if (token.isCancelled()) {
                    DockerEngine.closeQuietly(s);
                }
            });
            if (token.isCancelled()) {
                kill(current, id, command);
                throw new CancellationException("code execution cancelled: " + String.join(" ", command));
            }
            if (!result.finished()) {
                kill(current, id, command);
                return new DockerEngine.ExecResult(result.output() + "\n Timeout", 124, true);
            }
            if (result.exitCode() == 124) {
                return new DockerEngine.ExecResult(result.output() + "\n Timeout", 124, true);
            }
            return result;
        } catch (InterruptedException e) {
            kill(current, id, command);
            Thread.currentThread().interrupt();
            throw new CancellationException("code execution interrupted: " + String.join(" ", command));
        }
    }

    /** Kills a command still running in the container, as Python's {@code _kill_running_command}. */
    private static void kill(DockerEngine engine, String containerId, List<String> command) {
        try {
            engine.exec(containerId, CodeFiles.killCommand(command), Duration.ofSeconds(10), s -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot kill '{}' in container {}: {}", String.join(" ", command), containerId,
                    DockerEngine.rootMessage(e));
        }
    }

    private String requireRunning() {
        String id = containerId;
        if (id == null) {
            throw new IllegalStateException("Container is not running. Must first be started with start().");
        }
        return id;
    }

    private static Bind volumeBind(String host, Map<String, String> spec) {
        String bind = spec.get("bind");
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("extra_volumes['" + host + "'] needs a \"bind\" container path, e.g. "
                    + "{\"bind\": \"/mnt/data\", \"mode\": \"ro\"}");
        }
        String mode = spec.getOrDefault("mode", "rw");
        try {
            return Bind.parse(host + ":" + bind + ":" + mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extra_volumes['" + host + "']: invalid mount '" + bind + "' with mode '"
                    + mode + "' (use \"rw\" or \"ro\"): " + e.getMessage(), e);
        }
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
            LOG.debug("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(@Nullable Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DockerCommandLineCodeExecutor::deleteQuietly);
        } catch (IOException e) {
            LOG.error("Failed to delete temporary work_dir {}: {}", root, e.getMessage());
        }
    }

    /** Options of {@link DockerCommandLineCodeExecutor}; each is checked when set. */
    public static final class Builder {
        private String image = DEFAULT_IMAGE;
        private @Nullable String containerName;
        private Duration timeout = Duration.ofSeconds(60);
        private @Nullable Path workDir;
        private @Nullable Path bindDir;
        private boolean autoRemove = true;
        private boolean stopContainer = true;
        private List<PythonFunction> functions = List.of();
        private String functionsModule = "functions";
        private Map<String, Map<String, String>> extraVolumes = Map.of();
        private Map<String, String> extraHosts = Map.of();
        private @Nullable String initCommand;
        private boolean deleteTmpFiles;
        private List<DeviceRequest> deviceRequests = List.of();
        private @Nullable String dockerHost;
        private ProcessGate gate = ProcessGate.OPEN;

        private Builder() {
        }

        /** The image to run; default {@value #DEFAULT_IMAGE}. Pulled on start if the engine lacks it. */
        public Builder image(String image) {
            Objects.requireNonNull(image, "image");
            if (image.isBlank()) {
                throw new IllegalArgumentException("image must not be blank");
            }
            this.image = image;
            return this;
        }

        /** The container's name; default {@code autogen-code-exec-<uuid>}. A container of this name is replaced on start. */
        public Builder containerName(String containerName) {
            Objects.requireNonNull(containerName, "containerName");
            if (!containerName.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
                throw new IllegalArgumentException("container_name '" + containerName
                        + "' is not a valid Docker container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)");
            }
            this.containerName = containerName;
            return this;
        }

        /**
         * How long one block may run; default 60 seconds. Whole seconds (the container's
         * {@code timeout} command takes seconds).
         *
         * @throws IllegalArgumentException if shorter than one second
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("timeout must be at least 1 second, got " + timeout);
            }
            this.timeout = Duration.ofSeconds(timeout.toSeconds());
            return this;
        }

        /** Where code files are written, created if missing; default a temporary directory made by start(). */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /**
         * The working directory as the Docker engine's host sees it, mounted at
         * {@value #CONTAINER_WORKSPACE}; default the working directory. Set it when this JVM runs in
         * a container that shares the engine (docker-out-of-docker).
         */
        public Builder bindDir(Path bindDir) {
            this.bindDir = Objects.requireNonNull(bindDir, "bindDir");
            return this;
        }

        /** Whether the engine removes the container once it stops; default {@code true}. */
        public Builder autoRemove(boolean autoRemove) {
            this.autoRemove = autoRemove;
            return this;
        }

        /** Whether the container is stopped when the JVM exits (as well as by stop()); default {@code true}. */
        public Builder stopContainer(boolean stopContainer) {
            this.stopContainer = stopContainer;
            return this;
        }

        /** Python functions the code can import from the functions module. */
        public Builder functions(List<PythonFunction> functions) {
            this.functions = List.copyOf(functions);
            return this;
        }

        /**
         * The module the functions are written to; default {@code functions}.
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

        /**
         * More mounts, as Python's {@code extra_volumes}: host path to
         * {@code {"bind": "/container/path", "mode": "rw"|"ro"}}.
         *
         * @throws IllegalArgumentException if an entry has no {@code bind} path or a bad mode
         */
        public Builder extraVolumes(Map<String, Map<String, String>> extraVolumes) {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            extraVolumes.forEach((host, spec) -> {
                volumeBind(host, spec);
                copy.put(host, Collections.unmodifiableMap(new LinkedHashMap<>(spec)));
            });
            this.extraVolumes = copy;
            return this;
        }

        /** More {@code /etc/hosts} entries: host name to IP address or {@code host-gateway}. */
        public Builder extraHosts(Map<String, String> extraHosts) {
            this.extraHosts = new LinkedHashMap<>(extraHosts);
            return this;
        }

        /** A shell command the container runs when it starts, e.g. {@code pip install numpy}. */
        public Builder initCommand(String initCommand) {
            this.initCommand = Objects.requireNonNull(initCommand, "initCommand");
            return this;
        }

        /** Whether code files are deleted after each run; default {@code false}, as in Python. */
        public Builder deleteTmpFiles(boolean deleteTmpFiles) {
            this.deleteTmpFiles = deleteTmpFiles;
            return this;
        }

        /** Host devices (GPUs) for the container, as Python's {@code device_requests}. Not part of the config. */
        public Builder deviceRequests(List<DeviceRequest> deviceRequests) {
            this.deviceRequests = List.copyOf(deviceRequests);
            return this;
        }

        /**
         * The engine to use, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2376};
         * default as the {@code docker} CLI finds it. Java only: not part of the config.
         */
        public Builder dockerHost(String dockerHost) {
            this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
            return this;
        }

        public DockerCommandLineCodeExecutor build() {
            return new DockerCommandLineCodeExecutor(this);
        }
    }

    @Override
    public ComponentProvider<?, DockerCommandLineCodeExecutorConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider
            extends AbstractComponentProvider<DockerCommandLineCodeExecutor, DockerCommandLineCodeExecutorConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CODE_EXECUTOR, DockerCommandLineCodeExecutor.class,
                    DockerCommandLineCodeExecutorConfig.class, DESCRIPTION);
        }

        @Override
        public DockerCommandLineCodeExecutor fromConfig(DockerCommandLineCodeExecutorConfig config,
                ComponentContext context) {
            Builder b = builder()
                    .image(config.image())
                    .timeout(Duration.ofSeconds(config.timeout()))
                    .autoRemove(config.autoRemove())
                    .stopContainer(config.stopContainer())
                    .functionsModule(config.functionsModule())
                    .extraVolumes(config.extraVolumes())
                    .extraHosts(config.extraHosts())
                    .deleteTmpFiles(config.deleteTmpFiles());
            if (config.containerName() != null) {
                b.containerName(config.containerName());
            }
            if (config.workDir() != null) {
                b.workDir(Path.of(config.workDir()));
            }
            if (config.bindDir() != null) {
                b.bindDir(Path.of(config.bindDir()));
            }
            if (config.initCommand() != null) {
                b.initCommand(config.initCommand());
            }
            Map<String, Path> directories = new LinkedHashMap<>();
            if (config.workDir() != null) {
                directories.put("work_dir", Path.of(config.workDir()));
            }
            if (config.bindDir() != null) {
                directories.put("bind_dir", Path.of(config.bindDir()));
            }
            b.gate = context.processGate("start a Docker container from image '" + config.image() + "'"
                    + (config.extraVolumes().isEmpty() ? "" : " with the host's " + config.extraVolumes().keySet()
                            + " mounted") + " and run the code blocks it receives in it", directories);
            return b.build();
        }
    }
}
