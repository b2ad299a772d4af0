package dev.autogen.ext.code_executors.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Docker Engine API calls the Docker executors make, over one docker-java client: ping, image
 * pull, container lifecycle, exec with collected output. Errors from the engine surface as
 * docker-java's unchecked {@code DockerException}s. Public for this module's other package
 * ({@code docker_jupyter}); not meant as an API of its own.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** What an exec printed (stdout and stderr, interleaved as they came) and its exit code. */
    record ExecResult(String output, int exitCode, boolean finished) {
    }

    private final DockerClient client;
    private final URI host;

    private DockerEngine(DockerClient client, URI host) {
        this.client = client;
        this.host = host;
    }

    /**
     * A client for the engine at {@code dockerHost}, or where the environment says
     * ({@code DOCKER_HOST}, the current docker context, else the platform's default socket). Nothing
     * is contacted yet.
     *
     * @throws IllegalArgumentException if the host or the TLS settings are malformed
     */
    public static DockerEngine connect(@Nullable String dockerHost) {
        DockerClientConfig config;
        try {
            var builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (dockerHost != null) {
                builder.withDockerHost(dockerHost);
            }
            config = builder.build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid Docker configuration"
                    + (dockerHost == null ? " (DOCKER_HOST, DOCKER_CERT_PATH, docker context)" : " '" + dockerHost + "'")
                    + ": " + e.getMessage(), e);
        }
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(16)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        return new DockerEngine(DockerClientImpl.getInstance(config, http), config.getDockerHost());
    }

    public DockerClient client() {
        return client;
    }

    public URI host() {
        return host;
    }

    /**
     * Checks that an engine answers.
     *
     * @throws IllegalStateException naming the host and the fix if none does
     */
    public void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Failed to connect to Docker: no Docker engine answered at " + host + " ("
                    + rootMessage(e) + "). Please ensure Docker is installed and running, or point DOCKER_HOST "
                    + "(or the builder's dockerHost) at a running engine.", e);
        }
    }

    /** Pulls {@code image} unless the engine has it. */
    public void ensureImage(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            LOG.info("Pulling image {}...", image);
        }
        String repository = image;
        String tag = null;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (!image.contains("@") && colon > slash) {
            repository = image.substring(0, colon);
            tag = image.substring(colon + 1);
        }
        var pull = client.pullImageCmd(repository);
        if (tag != null) {
            pull.withTag(tag);
        }
        try {
            pull.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while pulling image " + image);
        }
    }

    /** Force-removes the container called {@code name}, if there is one. */
    public void removeIfPresent(String name) {
        try {
            client.removeContainerCmd(name).withForce(true).exec();
            LOG.debug("removed existing container {}", name);
        } catch (NotFoundException e) {
            LOG.trace("no existing container {}", name);
        }
    }

    /** Whether the container is running; {@code false} once it is gone. */
    public boolean isRunning(String containerId) {
        try {
            Boolean running = client.inspectContainerCmd(containerId).exec().getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Polls until the container runs or {@code timeout} passes, as Python's {@code _wait_for_ready}. */
    public boolean waitUntilRunning(String containerId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRunning(containerId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for container " + containerId);
            }
        }
        return true;
    }

    /** The container's log, or a note saying why there is none. */
    public String logs(String containerId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            client.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .exec(collector(out)).awaitCompletion(10, TimeUnit.SECONDS);
            return out.toString(StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted while reading the logs)";
        } catch (RuntimeException e) {
            return "(no logs: " + rootMessage(e) + ")";
        }
    }

    /**
     * Runs {@code command} in the container and waits up to {@code wait} for it to end.
     * {@code onStarted} receives the running callback, which a canceller may close to stop waiting.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    ExecResult exec(String containerId, List<String> command, Duration wait,
            java.util.function.Consumer<AutoCloseable> onStarted) throws InterruptedException {
        String execId = client.execCreateCmd(containerId)
                .withCmd(command.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> callback = client.execStartCmd(execId).exec(collector(out));
        onStarted.accept(callback);
        boolean finished;
        try {
            finished = callback.awaitCompletion(wait.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            closeQuietly(callback);
        }
        Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
        String output;
        synchronized (out) {
            output = out.toString(StandardCharsets.UTF_8);
        }
        return new ExecResult(output, exitCode == null ? -1 : exitCode.intValue(), finished && exitCode != null);
    }

    /** Stops the container; a container that is already gone is fine. */
    public void stop(String containerId) {
        try {
            client.stopContainerCmd(containerId).exec();
        } catch (NotFoundException e) {
            LOG.debug("container {} is already gone", containerId);
        } catch (com.github.dockerjava.api.exception.NotModifiedException e) {
            LOG.debug("container {} was already stopped", containerId);
        }
    }

    void restart(String containerId) {
        client.restartContainerCmd(containerId).exec();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the Docker client failed: {}", e.getMessage());
        }
    }

    private static ResultCallback.Adapter<Frame> collector(ByteArrayOutputStream out) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.writeBytes(frame.getPayload());
                }
            }
        };
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.trace("closing {} failed: {}", closeable, e.getMessage());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
