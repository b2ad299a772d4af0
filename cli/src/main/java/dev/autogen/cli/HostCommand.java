package dev.autogen.cli;

import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code autogen host}: runs the host of a distributed application, which Java and Python AutoGen
 * workers connect to, until stopped (Ctrl-C or SIGTERM).
 */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "Runs an AutoGen gRPC host (service agents.AgentRpc) until stopped with Ctrl-C or SIGTERM."
                + " Java workers (GrpcWorkerAgentRuntime) and Python AutoGen workers connect to it.")
final class HostCommand implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--port", defaultValue = "50051", description = "Port to listen on (0 picks a free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, which needs a"
                    + " token in AUTOGEN_HOST_TOKEN that workers give too).")
    String bind = "127.0.0.1";

    @Option(names = "--max-message-bytes", defaultValue = "4194304",
            description = "Largest message accepted from a worker (default: ${DEFAULT-VALUE}, gRPC's and Python's).")
    int maxMessageBytes;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Use TLS with this PEM certificate chain (with --tls-key).")
    @Nullable Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM (PKCS#8) private key of --tls-cert.")
    @Nullable Path tlsKey;

    HostCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        GrpcWorkerAgentRuntimeHost host;
        try {
            var builder = GrpcWorkerAgentRuntimeHost.builder().bindAddress(bind).port(port)
                    .maxMessageBytes(maxMessageBytes).token(Workers.token());
            if ((tlsCert == null) != (tlsKey == null)) {
                throw CliException.config("autogen host: --tls-cert and --tls-key go together.");
            }
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
}
