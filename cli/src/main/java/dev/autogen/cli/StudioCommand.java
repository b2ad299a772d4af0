package dev.autogen.cli;

import dev.autogen.studio.StudioConfig;
import dev.autogen.studio.StudioServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code autogen studio}: runs AutoGen Studio's server (the REST and WebSocket API of Python's Studio,
 * docs/studio.md) until stopped with Ctrl-C or SIGTERM.
 */
@Command(name = "studio", mixinStandardHelpOptions = true, subcommands = StudioServeCommand.class,
        description = "Runs the AutoGen Studio server (API of Python's AutoGen Studio; docs/studio.md) until stopped"
                + " with Ctrl-C or SIGTERM.")
final class StudioCommand implements Callable<Integer> {
    /** The environment variable that may hold the token instead of --auth-token (which other users see in ps). */
    static final String TOKEN_VARIABLE = "AUTOGEN_STUDIO_TOKEN";

    private final PrintStream out;

    @Option(names = "--port", defaultValue = "8081", description = "Port to listen on (0 picks a free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other needs --auth-token.")
    String host = "127.0.0.1";

    @Option(names = "--appdir", paramLabel = "DIR",
            description = "Folder of the Studio's files: its database and its key for secrets (default: ~/.autogenstudio-java).")
    @Nullable Path appDir;

    @Option(names = "--database-uri", paramLabel = "URI",
            description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U (default: studio.db in the app dir).")
    @Nullable String databaseUri;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "Token every request must carry (Authorization: Bearer TOKEN); also read from " + TOKEN_VARIABLE + ".")
    @Nullable String authToken;

    StudioCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        String token = authToken != null ? authToken : System.getenv(TOKEN_VARIABLE);
        StudioConfig config;
        try {
            config = StudioConfig.defaults(appDir != null ? appDir : StudioConfig.defaultAppDir())
                    .withAuthToken(token).withHost(host).withPort(port).withDatabaseUri(databaseUri);
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen studio: " + CliException.describe(e));
        }
        StudioServer server;
        try {
            server = StudioServer.start(config);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen studio: " + CliException.describe(e));
        } catch (RuntimeException e) {
            // Jetty reports a port in use as an unchecked exception of its own
            throw new CliException(CliException.RUN_FAILURE, "autogen studio: cannot listen on " + host + ":" + port
                    + ": " + CliException.describe(e));
        }
        Thread hook = new Thread(server::close, "autogen-studio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("AutoGen Studio listening on " + server.url() + "; stop it with Ctrl-C.");
        if (!dev.autogen.studio.web.Pages.bundled()) {
            out.println("This build has no web pages (npm was missing when it was built); the API is at " + server.url() + "/api");
        } else if (config.authToken() != null) {
            out.println("Open " + server.url() + "/?token=TOKEN in a browser, with the Studio's token; the pages keep it for the tab.");
        } else {
            out.println("Open " + server.url() + "/ in a browser.");
        }
        out.flush();
        try {
            server.awaitClose();
        } finally {
            server.close();
        }
        return 0;
    }
}
