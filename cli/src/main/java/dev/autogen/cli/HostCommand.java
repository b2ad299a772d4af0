package dev.autogen.cli;

import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost;
import dev.autogen.ext.runtimes.grpc.cluster.GrpcClusterHost;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code autogen host}: runs the host of a distributed application, which Java and Python AutoGen
 * workers connect to, until stopped (Ctrl-C or SIGTERM); with {@code --cluster}, one node of a host
 * that runs as a cluster of several ({@link GrpcClusterHost}).
 */
@Command(name = "host", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs an AutoGen gRPC host (service agents.AgentRpc) until stopped with Ctrl-C or SIGTERM."
                + " Java workers (GrpcWorkerAgentRuntime) and Python AutoGen workers connect to it.",
                "With --cluster it is one node of a host made of several (Apache Pekko cluster): workers connect to any"
                        + " node, and to another when theirs goes away (give them every node's address, comma-separated)."})
final class HostCommand implements Callable<Integer> {
    private static final Set<String> CONFIG_KEYS = Set.of("port", "bind", "cluster-port", "cluster-bind", "seed-nodes",
            "down-after");

    private final PrintStream out;

    @Option(names = "--port", description = "Port workers connect to (0 picks a free one; default: 50051).")
    @Nullable Integer port;

    @Option(names = "--bind",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface, which needs a"
                    + " token in AUTOGEN_HOST_TOKEN that workers give too).")
    @Nullable String bind;

    @Option(names = "--max-message-bytes", defaultValue = "4194304",
            description = "Largest message accepted from a worker (default: ${DEFAULT-VALUE}, gRPC's and Python's).")
    int maxMessageBytes;

    @Option(names = "--max-queued-bytes", defaultValue = "67108864",
            description = "Most bytes waiting for one worker that does not keep up (default: ${DEFAULT-VALUE}); beyond"
                    + " it, calls to its agents fail at once saying so.")
    long maxQueuedBytes;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Use TLS with this PEM certificate chain (with --tls-key).")
    @Nullable Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM (PKCS#8) private key of --tls-cert.")
    @Nullable Path tlsKey;

    @Option(names = "--cluster", description = "Run as one node of a host cluster (see --seed-nodes).")
    boolean cluster;

    @Option(names = "--seed-nodes", paramLabel = "HOST:PORT,...",
            description = "Cluster ports of the nodes to join through, the same list on every node, the first started"
                    + " first (default: none, this node starts a cluster that others join).")
    @Nullable String seedNodes;

    @Option(names = "--cluster-port", paramLabel = "PORT",
            description = "Port the nodes talk to each other on (Pekko remoting; default: 2552).")
    @Nullable Integer clusterPort;

    @Option(names = "--cluster-bind", paramLabel = "ADDR",
            description = "Address of this node the other nodes reach (default: 127.0.0.1; the machine's private"
                    + " address for nodes on several machines).")
    @Nullable String clusterBind;

    @Option(names = "--down-after", paramLabel = "SECONDS",
            description = "Seconds a silent node is given before the others declare it down and fail the calls waiting"
                    + " on it (default: 10).")
    @Nullable Integer downAfter;

    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "A properties file with any of: port, bind, cluster-port, cluster-bind, seed-nodes, down-after"
                    + " (the options given on the command line win). Implies --cluster.")
    @Nullable Path clusterConfig;

    HostCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw CliException.config("autogen host: --tls-cert and --tls-key go together.");
        }
        Properties file = clusterConfig == null ? new Properties() : readConfig(clusterConfig);
        if (cluster || clusterConfig != null) {
            return runNode(file);
        }
        if (seedNodes != null || clusterPort != null || clusterBind != null || downAfter != null) {
            throw CliException.config("autogen host: --seed-nodes, --cluster-port, --cluster-bind and --down-after are"
                    + " options of a cluster node; add --cluster.");
        }
        GrpcWorkerAgentRuntimeHost host;
        try {
            var builder = GrpcWorkerAgentRuntimeHost.builder().bindAddress(bind == null ? "127.0.0.1" : bind)
                    .port(port == null ? 50051 : port).maxMessageBytes(maxMessageBytes)
                    .maxQueuedBytesPerWorker(maxQueuedBytes).token(Workers.token());
            if (tlsCert != null && tlsKey != null) {
                builder.tls(tlsCert, tlsKey);
            }
            host = builder.build();
            host.start();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen host: " + CliException.describe(e));
        }
        Thread hook = new Thread(host::close, "autogen-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("AutoGen host listening on " + host.address() + "; stop it with Ctrl-C.");
        out.flush();
        host.awaitTermination();
        return 0;
    }

    private int runNode(Properties file) throws InterruptedException {
        GrpcClusterHost node;
        try {
            var builder = GrpcClusterHost.builder()
                    .bindAddress(bind != null ? bind : file.getProperty("bind", "127.0.0.1"))
                    .port(port != null ? port : intSetting(file, "port", 50051))
                    .clusterBindAddress(clusterBind != null ? clusterBind : file.getProperty("cluster-bind", "127.0.0.1"))
                    .clusterPort(clusterPort != null ? clusterPort : intSetting(file, "cluster-port", 2552))
                    .downAfter(Duration.ofSeconds(downAfter != null ? downAfter : intSetting(file, "down-after", 10)))
                    .maxMessageBytes(maxMessageBytes).maxQueuedBytesPerWorker(maxQueuedBytes)
                    .token(Workers.token());
            String seeds = seedNodes != null ? seedNodes : file.getProperty("seed-nodes", "");
            builder.seedNodes(seeds.isBlank() ? List.of() : Arrays.stream(seeds.split(",")).map(String::strip).toList());
            if (tlsCert != null && tlsKey != null) {
                builder.tls(tlsCert, tlsKey);
            }
            node = builder.build();
            node.start();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen host: " + CliException.describe(e));
        }
        Thread hook = new Thread(node::close, "autogen-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("AutoGen host node listening on " + node.address() + " (cluster member " + node.clusterAddress()
                + "); stop it with Ctrl-C.");
        out.flush();
        node.awaitTermination();
        return 0;
    }

    private static Properties readConfig(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw CliException.config("autogen host: the cluster config file '" + path + "' does not exist.");
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.config("autogen host: cannot read the cluster config file '" + path + "': "
                    + e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (!CONFIG_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw CliException.config("autogen host: the cluster config file '" + path + "' has unknown settings "
                    + unknown + "; known are " + CONFIG_KEYS.stream().sorted().toList() + ".");
        }
        return properties;
    }

    private static int intSetting(Properties file, String key, int fallback) {
        String value = file.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw CliException.config("autogen host: setting '" + key + "' of the cluster config file must be a"
                    + " whole number, not '" + value + "'.");
        }
    }
}
