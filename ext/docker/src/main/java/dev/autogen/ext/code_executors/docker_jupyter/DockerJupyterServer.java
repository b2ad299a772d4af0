package dev.autogen.ext.code_executors.docker_jupyter;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.ext.code_executors.docker.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jupyter Kernel Gateway in a Docker container, as Python's {@code DockerJupyterServer}: the server
 * a {@link DockerJupyterCodeExecutor} runs its code in, so the code runs in the container, not on
 * this machine. Without a custom image it builds Python's image {@code autogen-jupyterkernelgateway}
 * (from {@code quay.io/jupyter/docker-stacks-foundation} with {@code jupyter_kernel_gateway} and
 * {@code ipykernel}) the first time. The gateway is protected by a token (random unless given), and
 * its port is published on a free host port of {@code 127.0.0.1}. {@link #close()} stops the container
 * (removed too with {@code autoRemove}); with {@code stopContainer} it is also stopped when the JVM exits.
 *
 * <!-- java-context: import java.nio.file.Path; -->
 * <pre>{@code
 * try (var server = DockerJupyterServer.builder().bindDir(Path.of("coding")).build()) {
 *     JupyterConnectionInfo info = server.connectionInfo();   // http://127.0.0.1:<port>, token
 * }
 * }</pre>
 */
public final class DockerJupyterServer implements JupyterConnectable, AutoCloseable {
    /** The image built when no custom image is given. */
    public static final String DEFAULT_IMAGE = "autogen-jupyterkernelgateway";
    /** Python's Dockerfile of {@link #DEFAULT_IMAGE}. */
    public static final String DEFAULT_DOCKERFILE = """
            FROM quay.io/jupyter/docker-stacks-foundation

            SHELL ["/bin/bash", "-o", "pipefail", "-c"]

            USER ${NB_UID}
            RUN mamba install --yes jupyter_kernel_gateway ipykernel && \\
                mamba clean --all -f -y && \\
                fix-permissions "${CONDA_DIR}" && \\
                fix-permissions "/home/${NB_USER}"

            ENV TOKEN="UNSET"
            CMD python -m jupyter kernelgateway --KernelGatewayApp.ip=0.0.0.0 \\
                --KernelGatewayApp.port=8888 \\
                --KernelGatewayApp.auth_token="${TOKEN}" \\
                --JupyterApp.answer_yes=true \\
                --JupyterWebsocketPersonality.list_kernels=true

            EXPOSE 8888

            WORKDIR "${HOME}"
            """;

    private static final Logger LOG = LoggerFactory.getLogger(DockerJupyterServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final DockerEngine engine;
    private final String containerId;
    private final String containerName;
    private final int port;
    private final String token;
    private final @Nullable Path bindDir;
    private final @Nullable Thread shutdownHook;
    private volatile boolean stopped;

    private DockerJupyterServer(Builder b) {
        this.bindDir = b.bindDir == null ? null : b.bindDir.toAbsolutePath();
        this.token = b.token != null ? b.token : HexFormat.of().formatHex(randomBytes());
        this.containerName = b.containerName != null ? b.containerName
                : "autogen-jupyterkernelgateway-" + UUID.randomUUID();
        DockerEngine connected = DockerEngine.connect(b.dockerHost);
        try {
            connected.ping();
            String image = b.customImageName != null ? b.customImageName : DEFAULT_IMAGE;
            prepareImage(connected, image, b.customImageName != null);
            if (bindDir != null) {
                prepareBindDir(bindDir);
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("TOKEN", token);
            env.putAll(b.dockerEnv);
            ExposedPort exposed = ExposedPort.tcp(b.exposePort);
            Ports bindings = new Ports();
            bindings.bind(exposed, Ports.Binding.bindIp("127.0.0.1"));
            HostConfig host = HostConfig.newHostConfig().withAutoRemove(b.autoRemove).withPortBindings(bindings);
            if (bindDir != null) {
                host.withBinds(new Bind(bindDir.toString(), new Volume(b.workDir)));
            }
            List<String> envList = new ArrayList<>();
            env.forEach((k, v) -> envList.add(k + "=" + v));
            CreateContainerResponse created = connected.client().createContainerCmd(image).withName(containerName)
                    .withEnv(envList).withExposedPorts(exposed).withWorkingDir(b.workDir).withHostConfig(host).exec();
            this.containerId = created.getId();
            connected.client().startContainerCmd(containerId).exec();
            if (!connected.waitUntilRunning(containerId, READY_TIMEOUT)) {
                throw new IllegalStateException("Container failed to start: " + containerName + " is not running after "
                        + READY_TIMEOUT.toSeconds() + " s; its log: " + connected.logs(containerId));
            }
            this.port = hostPort(connected, containerId, exposed);
            this.engine = connected;
        } catch (RuntimeException e) {
            connected.close();
            throw e;
        }
        this.shutdownHook = b.stopContainer ? Concurrency.addShutdownHook("autogen-jupyter-container-stop", this::stop)
                : null;
        waitForGateway();
    }

    /** A builder with Python's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<published port>} with the gateway's token. */
    @Override
    public JupyterConnectionInfo connectionInfo() {
        return new JupyterConnectionInfo("127.0.0.1", false, port, token);
    }

    /** The host directory mounted at the container's work directory, if any. */
    public Optional<Path> bindDir() {
        return Optional.ofNullable(bindDir);
    }

    /** The container's id. */
    public String containerId() {
        return containerId;
    }

    /** The container's name. */
    public String containerName() {
        return containerName;
    }

    /** Stops the container (removed as well with {@code autoRemove}); a container already gone is fine. */
    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        engine.close();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            engine.stop(containerId);
        } catch (RuntimeException e) {
            LOG.warn("could not stop container {}: {}", containerName, e.getMessage());
        }
    }

    private void waitForGateway() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (var client = new JupyterClient(connectionInfo())) {
            while (true) {
                try {
                    client.listKernelSpecs();
                    return;
                } catch (JupyterServerException e) {
                    if (System.nanoTime() > deadline || !engine.isRunning(containerId)) {
                        String logs = engine.logs(containerId);
                        close();
                        throw new IllegalStateException("the Jupyter kernel gateway in container " + containerName
                                + " did not answer within " + READY_TIMEOUT.toSeconds() + " s (" + e.getMessage()
                                + "); its log: " + logs, e);
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        close();
                        throw new java.util.concurrent.CancellationException(
                                "interrupted while waiting for the Jupyter kernel gateway");
                    }
                }
            }
        }
    }

    private static void prepareImage(DockerEngine engine, String image, boolean custom) {
        try {
            engine.client().inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            if (custom) {
                throw new IllegalArgumentException("Custom image " + image + " does not exist", e);
            }
        }
        LOG.info("Building image {}...", image);
        Path dir;
        try {
            dir = Files.createTempDirectory("autogen-jupyter-image-");
            Files.writeString(dir.resolve("Dockerfile"), DEFAULT_DOCKERFILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Dockerfile of " + image + ": " + e.getMessage(), e);
        }
        engine.client().buildImageCmd(dir.toFile()).withTags(java.util.Set.of(image))
                .exec(new BuildImageResultCallback()).awaitImageId();
        LOG.info("Image {} built successfully", image);
    }

    private static void prepareBindDir(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the container user's rights come from Docker Desktop's sharing
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare bind_dir " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int hostPort(DockerEngine engine, String containerId, ExposedPort exposed) {
        Map<ExposedPort, Ports.Binding[]> bindings = engine.client().inspectContainerCmd(containerId).exec()
                .getNetworkSettings().getPorts().getBindings();
        Ports.Binding[] bound = bindings.get(exposed);
        if (bound == null || bound.length == 0 || bound[0].getHostPortSpec() == null) {
            throw new IllegalStateException("container " + containerId + " has no host port for " + exposed
                    + "; is expose_port the port the gateway listens on?");
        }
        return Integer.parseInt(bound[0].getHostPortSpec());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Options of {@link DockerJupyterServer}, with Python's names and defaults. */
    public static final class Builder {
        private @Nullable String customImageName;
        private @Nullable String containerName;
        private boolean autoRemove = true;
        private boolean stopContainer = true;
        private final Map<String, String> dockerEnv = new LinkedHashMap<>();
        private int exposePort = 8888;
        private @Nullable String token;
        private String workDir = "/workspace";
        private @Nullable Path bindDir;
        private @Nullable String dockerHost;

        private Builder() {
        }

        /** An image of your own that runs a gateway on {@link #exposePort}; it must exist. */
        public Builder customImageName(String image) {
            this.customImageName = Objects.requireNonNull(image, "image");
            return this;
        }

        /** The container's name; default {@code autogen-jupyterkernelgateway-<uuid>}. */
        public Builder containerName(String name) {
            this.containerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Whether the container is removed when it stops; default true. */
        public Builder autoRemove(boolean autoRemove) {
            this.autoRemove = autoRemove;
            return this;
        }

        /** Whether the container is stopped when the JVM exits; default true. */
        public Builder stopContainer(boolean stopContainer) {
            this.stopContainer = stopContainer;
            return this;
        }

        /** Extra environment variables of the container. */
        public Builder dockerEnv(Map<String, String> env) {
            dockerEnv.putAll(env);
            return this;
        }

        /** The port the gateway listens on inside the container; default 8888. */
        public Builder exposePort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("expose_port must be between 1 and 65535, got " + port);
            }
            this.exposePort = port;
            return this;
        }

        /** The gateway's token; default a random one. An empty token turns authentication off. */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** The working directory in the container; default {@code /workspace}. */
        public Builder workDir(String workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** A host directory mounted read-write at the work directory (created, and opened to all users). */
        public Builder bindDir(Path bindDir) {
            this.bindDir = Objects.requireNonNull(bindDir, "bindDir");
            return this;
        }

        /** The Docker engine; default {@code DOCKER_HOST}, the docker context, else the local socket. */
        public Builder dockerHost(String dockerHost) {
            this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
            return this;
        }

        /**
         * Builds the image if needed, starts the container and waits until the gateway answers.
         *
         * @throws IllegalStateException if no Docker engine answers, or the container or gateway does not start
         * @throws IllegalArgumentException if a custom image does not exist
         */
        public DockerJupyterServer build() {
            return new DockerJupyterServer(this);
        }
    }
}
