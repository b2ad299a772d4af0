package dev.autogen.ext.runtimes.grpc;

import dev.autogen.core.utils.TerminationSignals;
import dev.autogen.ext.runtimes.grpc.internal.ClientIds;
import dev.autogen.ext.runtimes.grpc.internal.HostRouter;
import dev.autogen.ext.runtimes.grpc.internal.HostRouting;
import dev.autogen.ext.runtimes.grpc.internal.HostService;
import dev.autogen.ext.runtimes.grpc.internal.TokenCheck;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host of a distributed AutoGen application: workers ({@link GrpcWorkerAgentRuntime}, or Python
 * and .NET AutoGen workers) connect to it, register the agent types they serve and their
 * subscriptions, and it routes their direct messages and published CloudEvents between them. It holds
 * no agents itself. Speaks AutoGen's service {@code agents.AgentRpc}, so a Python worker joins it as
 * it would join Python's {@code GrpcWorkerAgentRuntimeHost}.
 *
 * <pre>{@code
 * try (var host = GrpcWorkerAgentRuntimeHost.builder().port(50051).build()) {
 *     host.start();
 *     System.out.println("host at " + host.address());
 *     host.awaitTermination();
 * }
 * }</pre>
 *
 * <p>It binds {@code 127.0.0.1} unless told otherwise. Bound to another address it needs a
 * {@linkplain Builder#token token}, which workers send as {@code authorization: Bearer TOKEN} metadata
 * ({@link ConnectionSecurity}); {@linkplain Builder#tls TLS} encrypts the connections. AutoGen's
 * protocol itself has no authentication, so Python workers can join only a host on loopback without
 * a token (or one they reach through a proxy that adds it).
 */
public final class GrpcWorkerAgentRuntimeHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcWorkerAgentRuntimeHost.class);

    private final String bindAddress;
    private final int requestedPort;
    private final int maxMessageBytes;
    private final @Nullable Path tlsCertificateChain;
    private final @Nullable Path tlsPrivateKey;
    private final @Nullable String token;
    private final long maxQueuedBytesPerWorker;
    private final HostRouting router;
    private @Nullable Server server;

    private GrpcWorkerAgentRuntimeHost(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.requestedPort = builder.port;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.tlsCertificateChain = builder.tlsCertificateChain;
        this.tlsPrivateKey = builder.tlsPrivateKey;
        this.token = builder.token;
        this.maxQueuedBytesPerWorker = builder.maxQueuedBytesPerWorker;
        this.router = builder.routing != null ? builder.routing : new HostRouter();
    }

    /** A builder; by default the host binds {@code 127.0.0.1} on a free port. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @throws IllegalStateException if already started
     * @throws UncheckedIOException if the address cannot be bound, naming it
     * @throws IllegalStateException if it binds an address other machines reach, without a token
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("the host is already started at " + address());
        }
        InetSocketAddress listenOn = new InetSocketAddress(bindAddress, requestedPort);
        if (token == null && (listenOn.getAddress() == null || !listenOn.getAddress().isLoopbackAddress())) {
            throw new IllegalStateException("the host would listen on " + bindAddress + ", which other machines reach,"
                    + " without a token: give it one (builder token(...), or AUTOGEN_HOST_TOKEN for 'autogen host') and"
                    + " the same to its workers, or bind 127.0.0.1");
        }
        var service = ServerInterceptors.intercept(new HostService(router, maxQueuedBytesPerWorker), new ClientIds());
        Server created = serverBuilder(listenOn)
                // Routing never blocks, and running it on the connection's own thread keeps a worker's calls
                // in the order it made them (its stream is open before its first registration arrives).
                .directExecutor()
                .maxInboundMessageSize(maxMessageBytes)
                .addService(token == null ? service : ServerInterceptors.intercept(service, new TokenCheck(token)))
                .build();
        try {
            created.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the host cannot listen on " + bindAddress + ":" + requestedPort + ": "
                    + e.getMessage(), e);
        }
        server = created;
        LOG.info("AutoGen gRPC host listening on {}", address());
    }

    private NettyServerBuilder serverBuilder(InetSocketAddress listenOn) {
        if (tlsCertificateChain == null || tlsPrivateKey == null) {
            return NettyServerBuilder.forAddress(listenOn);
        }
        try {
            return NettyServerBuilder.forAddress(listenOn,
                    TlsServerCredentials.create(tlsCertificateChain.toFile(), tlsPrivateKey.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("the host cannot use the TLS certificate '"
                    + tlsCertificateChain + "' and key '" + tlsPrivateKey + "': " + e.getMessage(), e));
        }
    }

    /** The {@code host:port} workers connect to. @throws IllegalStateException if not started */
    public synchronized String address() {
        return bindAddress + ":" + port();
    }

    /** The port listened on (the one chosen when the builder asked for port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the host is not started");
        }
        return server.getPort();
    }

    /** Whether the host is started and not stopped. */
    public synchronized boolean isRunning() {
        return server != null && !server.isShutdown();
    }

    /**
     * Stops: ends every worker's stream and refuses new calls, waiting up to {@code grace} for calls
     * under way to finish, then closes what remains.
     */
    public void stop(Duration grace) {
        Server current;
        synchronized (this) {
            current = server;
            server = null;
        }
        if (current == null) {
            return;
        }
        current.shutdown();
        router.closeAll();
        try {
            if (!current.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            current.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("AutoGen gRPC host stopped");
    }

    /** Waits until the host is stopped (by {@link #stop} from another thread, or a signal). */
    public void awaitTermination() throws InterruptedException {
        Server current;
        synchronized (this) {
            current = server;
        }
        if (current != null) {
            current.awaitTermination();
        }
    }

    /**
     * Runs until the process receives SIGTERM or SIGINT (Ctrl-C), then {@link #close() stops}, as Python's
     * host's {@code stop_when_signal}; the program goes on after it returns.
     *
     * @throws InterruptedException if the waiting thread is interrupted (the host keeps running)
     */
    public void stopWhenSignal() throws InterruptedException {
        TerminationSignals.await();
        close();
    }

    /** {@link #stop(Duration)} with 5 seconds of grace, as Python's host. Idempotent. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** Options of a {@link GrpcWorkerAgentRuntimeHost}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private int maxMessageBytes = 4 * 1024 * 1024;
        private @Nullable Path tlsCertificateChain;
        private @Nullable Path tlsPrivateKey;
        private @Nullable String token;
        private long maxQueuedBytesPerWorker = 64L * 1024 * 1024;
        private @Nullable HostRouting routing;

        private Builder() {
        }

        /**
         * How many bytes may wait for one worker that does not take its messages as fast as they come
         * (64 MiB by default). Beyond it, a request to that worker's agents fails at once with an error
         * saying the worker is not keeping up, and a published message for it is dropped with a warning:
         * a slow worker cannot make the host's memory grow without bound.
         */
        public Builder maxQueuedBytesPerWorker(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxQueuedBytesPerWorker must be positive, not " + bytes);
            }
            this.maxQueuedBytesPerWorker = bytes;
            return this;
        }

        /**
         * Who routes the workers' messages: this process alone by default; the cluster module
         * ({@code autogen-ext-grpc-cluster}) gives a routing shared by several host nodes.
         */
        public Builder routing(HostRouting hostRouting) {
            this.routing = Objects.requireNonNull(hostRouting, "routing");
            return this;
        }

        /** The address to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** The port; 0 (the default) picks a free one, see {@link #port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The largest message accepted from a worker, in bytes; 4 MiB by default, as gRPC's and Python's. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            if (maxMessageBytes <= 0) {
                throw new IllegalArgumentException("maxMessageBytes must be positive, not " + maxMessageBytes);
            }
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /**
         * Encrypts every connection with TLS: {@code certificateChain} and {@code privateKey} are PEM files
         * (the key in PKCS#8). Workers then trust the certificate ({@link ConnectionSecurity}).
         */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCertificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
            this.tlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
            return this;
        }

        /**
         * A secret every worker must show ({@link ConnectionSecurity#token()}); needed to bind an address
         * other than loopback. Use it with {@link #tls} off a trusted network, so it does not travel in
         * the clear.
         */
        public Builder token(@Nullable String secret) {
            if (secret != null && secret.isBlank()) {
                throw new IllegalArgumentException("the host's token must not be blank");
            }
            this.token = secret;
            return this;
        }

        public GrpcWorkerAgentRuntimeHost build() {
            return new GrpcWorkerAgentRuntimeHost(this);
        }
    }
}
