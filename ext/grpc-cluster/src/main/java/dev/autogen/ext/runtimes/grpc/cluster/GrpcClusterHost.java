package dev.autogen.ext.runtimes.grpc.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.autogen.core.utils.TerminationSignals;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost;
import dev.autogen.ext.runtimes.grpc.cluster.internal.AgentTypeEntity;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterRouting;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of an AutoGen host that runs as a cluster: several of these, on one machine or many, form
 * one Apache Pekko cluster and together act as one {@link GrpcWorkerAgentRuntimeHost}. A worker (Java,
 * or Python AutoGen's) connects to any node over the unchanged {@code agents.AgentRpc} protocol; any
 * node routes any message, because which worker serves which agent type is kept by Cluster Sharding
 * entities (one per agent type) and replicated with the subscriptions by Distributed Data. When a node
 * stops or dies, its workers reconnect to another node (give them every node's address) and the calls
 * that were waiting on it fail with an error; a node that joins takes a share of the entities.
 *
 * <pre>{@code
 * try (var node = GrpcClusterHost.builder()
 *         .port(50051)                                   // workers connect here (gRPC)
 *         .clusterPort(2552)                             // nodes talk to each other here
 *         .seedNodes(List.of("127.0.0.1:2552", "127.0.0.1:2553"))
 *         .build()) {
 *     node.start();
 *     System.out.println("host node at " + node.address() + ", cluster member " + node.clusterAddress());
 *     node.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Both ports bind {@code 127.0.0.1} unless told otherwise. The gRPC side keeps the single host's
 * token and TLS options; the cluster port carries only node-to-node traffic and must be reachable
 * from the other nodes only (keep it on a private network: Pekko remoting here is not encrypted).
 */
public final class GrpcClusterHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcClusterHost.class);
    /** The Pekko actor system name every node of one cluster shares. */
    public static final String SYSTEM_NAME = "autogen-host";

    private final Builder options;
    private final GrpcWorkerAgentRuntimeHost.Builder grpc;
    private @Nullable ActorSystem system;
    private @Nullable ActorRef region;
    private @Nullable ClusterRouting routing;
    private @Nullable GrpcWorkerAgentRuntimeHost host;

    private GrpcClusterHost(Builder builder) {
        this.options = builder;
        this.grpc = builder.grpc;
    }

    /** A builder; by default both ports bind {@code 127.0.0.1}, gRPC on a free port and the cluster on 2552. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the node: binds the cluster port, joins the cluster through the seed nodes (or forms one
     * when it is the first of them, or has none), then opens the gRPC port. Returns once workers can
     * connect.
     *
     * @throws IllegalArgumentException naming a bad seed node address
     * @throws IllegalStateException naming the port if the cluster port is taken, or if no seed node
     *     answered within the join timeout
     * @throws java.io.UncheckedIOException naming the address if the gRPC port cannot be bound
     */
    public synchronized void start() {
        if (system != null) {
            throw new IllegalStateException("the host node is already started");
        }
        List<Address> seeds = SeedNodes.parse(options.seedNodes, SYSTEM_NAME);
        ActorSystem created;
        try {
            created = ActorSystem.create(SYSTEM_NAME, config());
        } catch (RuntimeException e) {
            LOG.debug("the actor system did not start", e);
            throw new IllegalStateException(describeStartFailure(e)); // the cause speaks of Pekko's classes
        }
        try {
            Cluster cluster = Cluster.get(created);
            CompletableFuture<Void> up = new CompletableFuture<>();
            cluster.registerOnMemberUp(() -> up.complete(null));
            if (seeds.isEmpty()) {
                cluster.join(cluster.selfAddress());
            } else {
                cluster.joinSeedNodes(seeds);
            }
            awaitUp(up, seeds);
            ActorRef shardRegion = ClusterSharding.get(created).start(AgentTypeEntity.TYPE_NAME,
                    AgentTypeEntity.props(options.writeTimeout), ClusterShardingSettings.create(created),
                    AgentTypeEntity.extractor(options.shards));
            ClusterRouting clusterRouting = new ClusterRouting(created, shardRegion, options.askTimeout,
                    options.writeTimeout);
            clusterRouting.start();
            GrpcWorkerAgentRuntimeHost grpcHost = grpc.routing(clusterRouting).build();
            grpcHost.start();
            system = created;
            region = shardRegion;
            routing = clusterRouting;
            host = grpcHost;
            LOG.info("AutoGen host node {} is a member of the cluster; workers connect to {}",
                    cluster.selfAddress(), grpcHost.address());
        } catch (RuntimeException e) {
            terminate(created);
            throw e;
        }
    }

    private void awaitUp(CompletableFuture<Void> up, List<Address> seeds) {
        try {
            up.get(options.joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the host node could not join the cluster within "
                    + options.joinTimeout.toSeconds() + " s: no seed node of " + describe(seeds) + " answered"
                    + " (start the first seed node first, and check that its cluster port is reachable from here)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the host node could not join the cluster: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster");
        }
    }

    private static String describe(List<Address> seeds) {
        return seeds.stream().map(a -> a.host().get() + ":" + a.port().get()).toList().toString();
    }

    private String describeStartFailure(Throwable e) {
        String where = options.clusterBindAddress + ":" + options.clusterPort;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Failed to bind"))) {
                return "the host node cannot listen on its cluster port " + where + ": it is in use or not an address"
                        + " of this machine (choose another with --cluster-port, or stop what uses it)";
            }
        }
        return "the host node cannot start its cluster side on " + where + ": "
                + String.valueOf(e.getMessage()).replaceAll("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error): ", "");
    }

    private Config config() {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("pekko.remote.artery.canonical.hostname", options.clusterBindAddress);
        settings.put("pekko.remote.artery.canonical.port", options.clusterPort);
        settings.put("pekko.cluster.split-brain-resolver.stable-after", options.downAfter.toMillis() + "ms");
        return ConfigFactory.parseMap(settings)
                .withFallback(ConfigFactory.parseResources(GrpcClusterHost.class.getClassLoader(),
                        "autogen-grpc-cluster.conf"))
                .withFallback(ConfigFactory.defaultReference(GrpcClusterHost.class.getClassLoader()))
                .resolve();
    }

    /** The {@code host:port} workers connect to. @throws IllegalStateException if not started */
    public synchronized String address() {
        return started().address();
    }

    /** The gRPC port (the one chosen when the builder asked for port 0). */
    public synchronized int port() {
        return started().port();
    }

    /** This node's cluster address, {@code host:port}, to give other nodes as a seed node. */
    public synchronized String clusterAddress() {
        Address self = Cluster.get(startedSystem()).selfAddress();
        return self.host().get() + ":" + self.port().get();
    }

    /** The cluster addresses ({@code host:port}) of the nodes that are up, as this node sees them. */
    public synchronized List<String> members() {
        List<String> up = new ArrayList<>();
        for (Member member : Cluster.get(startedSystem()).state().getMembers()) {
            if (member.status() == MemberStatus.up()) {
                up.add(member.address().host().get() + ":" + member.address().port().get());
            }
        }
        return up;
    }

    /**
     * How many shards of the agent type directory this node holds now (the rest are on the other
     * nodes; a node that joins takes some over).
     */
    public int localShards() {
        ActorRef shardRegion;
        synchronized (this) {
            startedSystem();
            shardRegion = Objects.requireNonNull(region);
        }
        try {
            Object state = Patterns.ask(shardRegion, ShardRegion.getShardRegionStateInstance(), Duration.ofSeconds(5))
                    .toCompletableFuture().get(6, TimeUnit.SECONDS);
            return ((ShardRegion.CurrentShardRegionState) state).getShards().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the node's shard region did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** How many workers are connected to this node. */
    public synchronized int connectedWorkers() {
        startedSystem();
        return Objects.requireNonNull(routing).connectedWorkers();
    }

    private GrpcWorkerAgentRuntimeHost started() {
        if (host == null) {
            throw new IllegalStateException("the host node is not started");
        }
        return host;
    }

    private ActorSystem startedSystem() {
        if (system == null) {
            throw new IllegalStateException("the host node is not started");
        }
        return system;
    }

    /** Whether the node is started and not stopped. */
    public synchronized boolean isRunning() {
        return host != null && host.isRunning();
    }

    /** Waits until the node is stopped (by {@link #close} from another thread, or a signal). */
    public void awaitTermination() throws InterruptedException {
        ActorSystem current;
        synchronized (this) {
            current = system;
        }
        if (current != null) {
            try {
                current.getWhenTerminated().toCompletableFuture().get();
            } catch (ExecutionException e) {
                LOG.debug("the node's actor system ended with {}", e.getCause().getMessage());
            }
        }
    }

    /** Runs until SIGTERM or SIGINT, then {@link #close() leaves the cluster and stops}. */
    public void stopWhenSignal() throws InterruptedException {
        TerminationSignals.await();
        close();
    }

    /**
     * Leaves the cluster gracefully (its shards move to the other nodes) and stops: the workers
     * connected here lose their connection and reconnect to another node. Idempotent.
     */
    @Override
    public void close() {
        GrpcWorkerAgentRuntimeHost currentHost;
        ActorSystem current;
        synchronized (this) {
            currentHost = host;
            current = system;
            host = null;
            system = null;
            routing = null;
            region = null;
        }
        if (currentHost != null) {
            currentHost.stop(Duration.ofSeconds(2));
        }
        if (current != null) {
            terminate(current);
            LOG.info("AutoGen host node left the cluster and stopped");
        }
    }

    private static void terminate(ActorSystem actorSystem) {
        try {
            CoordinatedShutdown.get(actorSystem).runAll(CoordinatedShutdown.unknownReason())
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the host node did not leave the cluster cleanly: {}", e.getMessage());
            actorSystem.terminate();
        }
    }

    /** Options of a {@link GrpcClusterHost}. */
    public static final class Builder {
        private final GrpcWorkerAgentRuntimeHost.Builder grpc = GrpcWorkerAgentRuntimeHost.builder();
        private String clusterBindAddress = "127.0.0.1";
        private int clusterPort = 2552;
        private List<String> seedNodes = List.of();
        private Duration downAfter = Duration.ofSeconds(10);
        private Duration joinTimeout = Duration.ofSeconds(60);
        private Duration askTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(2);
        private int shards = 100;

        private Builder() {
        }

        /** The address the gRPC port binds, for workers; {@code 127.0.0.1} by default (another needs a token). */
        public Builder bindAddress(String bindAddress) {
            grpc.bindAddress(bindAddress);
            return this;
        }

        /** The gRPC port workers connect to; 0 (the default) picks a free one. */
        public Builder port(int port) {
            grpc.port(port);
            return this;
        }

        /** As {@link GrpcWorkerAgentRuntimeHost.Builder#token}. */
        public Builder token(@Nullable String secret) {
            grpc.token(secret);
            return this;
        }

        /** As {@link GrpcWorkerAgentRuntimeHost.Builder#tls}. */
        public Builder tls(Path certificateChain, Path privateKey) {
            grpc.tls(certificateChain, privateKey);
            return this;
        }

        /** As {@link GrpcWorkerAgentRuntimeHost.Builder#maxMessageBytes}. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            grpc.maxMessageBytes(maxMessageBytes);
            return this;
        }

        /** As {@link GrpcWorkerAgentRuntimeHost.Builder#maxQueuedBytesPerWorker}. */
        public Builder maxQueuedBytesPerWorker(long bytes) {
            grpc.maxQueuedBytesPerWorker(bytes);
            return this;
        }

        /**
         * The address the cluster port binds and other nodes reach this one at; {@code 127.0.0.1} by
         * default (one machine). Give the machine's private address for nodes on several machines.
         */
        public Builder clusterBindAddress(String address) {
            if (Objects.requireNonNull(address, "address").isBlank()) {
                throw new IllegalArgumentException("the cluster bind address must not be blank");
            }
            this.clusterBindAddress = address;
            return this;
        }

        /** The port nodes talk to each other on (Pekko remoting); 2552 by default, 0 picks a free one. */
        public Builder clusterPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the cluster port must be between 0 and 65535, not " + port);
            }
            this.clusterPort = port;
            return this;
        }

        /**
         * The cluster ports ({@code host:port}) of nodes to join through; the same list on every node,
         * the first of them started first. Empty (the default): this node forms a cluster of its own that
         * others join with its address as their seed.
         */
        public Builder seedNodes(List<String> seeds) {
            this.seedNodes = List.copyOf(seeds);
            SeedNodes.parse(seedNodes, SYSTEM_NAME);
            return this;
        }

        /**
         * How long a node that stopped answering is given before the others declare it down (Pekko's
         * split brain resolver, keeping the majority) and fail the calls waiting on it; 10 s by default.
         * Shorter reacts faster to a crash, but may down a node that was only paused.
         */
        public Builder downAfter(Duration duration) {
            if (duration.toMillis() < 500) {
                throw new IllegalArgumentException("downAfter must be at least 500 ms, not " + duration);
            }
            this.downAfter = duration;
            return this;
        }

        /** How long {@link #start()} waits for a seed node to let this node in; 60 s by default. */
        public Builder joinTimeout(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("joinTimeout must be positive, not " + duration);
            }
            this.joinTimeout = duration;
            return this;
        }

        public GrpcClusterHost build() {
            return new GrpcClusterHost(this);
        }
    }
}
