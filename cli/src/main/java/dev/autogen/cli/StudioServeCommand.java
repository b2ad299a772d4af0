package dev.autogen.cli;

import dev.autogen.studio.serve.TeamEndpoint;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code autogen studio serve --team team.json}: one team as an HTTP endpoint, as Python's {@code autogenstudio serve}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves one team as an endpoint: GET /predict/{task} (JSON, as Python's autogenstudio serve) and"
                + " GET /predict/{task}/stream (server-sent events), until stopped with Ctrl-C or SIGTERM.")
final class StudioServeCommand implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--team", required = true, paramLabel = "FILE", description = "The team's component config (JSON).")
    @Nullable Path team;

    @Option(names = "--port", defaultValue = "8084", description = "Port to listen on (0 picks a free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other needs --auth-token.")
    String host = "127.0.0.1";

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "Token every request must carry (Authorization: Bearer TOKEN); also read from "
                    + StudioCommand.TOKEN_VARIABLE + ".")
    @Nullable String authToken;

    @Option(names = ConsentPrompt.OPTION,
            description = "Let the team's components run code or start programs (code executors, stdio MCP servers).")
    boolean allowCodeExecution;

    StudioServeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        String token = authToken != null ? authToken : System.getenv(StudioCommand.TOKEN_VARIABLE);
        TeamEndpoint endpoint;
        try {
            endpoint = TeamEndpoint.start(new TeamEndpoint.Config(host, port, team, token, allowCodeExecution));
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen studio serve: " + CliException.describe(e));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen studio serve: " + CliException.describe(e));
        } catch (RuntimeException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen studio serve: cannot listen on " + host + ":" + port
                    + ": " + CliException.describe(e));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close, "autogen-studio-serve-shutdown"));
        out.println("Team " + team + " served on " + endpoint.url() + "/predict/{task}; stop it with Ctrl-C.");
        out.flush();
        try {
            endpoint.awaitClose();
        } finally {
            endpoint.close();
        }
        return 0;
    }
}
