package dev.autogen.cli;

import dev.autogen.agentchat.teams.TeamPlacement;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of {@code autogen run} for a team spread over processes: the host to join, the team id,
 * and which participants {@code autogen worker} processes serve (docs/distributed.md).
 */
final class DistributedRunOptions implements AutoCloseable {
    @Option(names = "--host", paramLabel = "ADDR",
            description = "Run the team on a worker of this AutoGen host (HOST:PORT, see 'autogen host'), so participants"
                    + " served by 'autogen worker' processes can take part.")
    @Nullable String host;

    @Option(names = "--team-id", paramLabel = "ID",
            description = "With --host: the team id the workers serving its participants were given.")
    @Nullable String teamId;

    @Option(names = "--remote", paramLabel = "NAME", split = ",",
            description = "With --host and --team-id: the participant NAME is served by an 'autogen worker' process, not"
                    + " built here (repeatable, or NAME,NAME).")
    List<String> remote = new ArrayList<>();

    @Option(names = "--tls-ca", paramLabel = "FILE",
            description = "With --host: the host uses TLS; trust the certificate (or CA) in this PEM file. The host's"
                    + " token, if it has one, is read from AUTOGEN_HOST_TOKEN.")
    @Nullable Path tlsCa;

    private @Nullable GrpcWorkerAgentRuntime runtime;

    /** Checks the options go together; call before loading anything. */
    void check() {
        if (host == null && (teamId != null || !remote.isEmpty())) {
            throw CliException.config("autogen: --team-id and --remote need --host, the AutoGen host the team's workers"
                    + " joined.");
        }
        if (!remote.isEmpty() && teamId == null) {
            throw CliException.config("autogen: --remote needs --team-id, the id the workers serving "
                    + remote + " were given with 'autogen worker --team-id'.");
        }
    }

    /** Whether the team runs on a host's worker. */
    boolean distributed() {
        return host != null;
    }

    /**
     * The loader, made to put the root team on a worker of the host with its remote participants, when
     * {@code --host} is given; the worker is connected now.
     */
    ComponentLoader place(ComponentLoader loader, ConfigFile source) {
        if (host == null) {
            return loader;
        }
        if (!"team".equals(source.node().path("component_type").asText())
                && !source.node().path("config").has("participants")) {
            throw CliException.config("autogen: --host runs a team over processes, but " + source.label()
                    + " is not a team.");
        }
        runtime = Workers.connect(host, tlsCa);
        String id = teamId != null ? teamId : java.util.UUID.randomUUID().toString();
        try {
            return loader.withAttribute(TeamPlacement.class,
                    new TeamPlacement(runtime, id, new LinkedHashSet<>(remote)));
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen: --team-id: " + e.getMessage() + ".");
        }
    }

    /** Leaves the host. */
    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
