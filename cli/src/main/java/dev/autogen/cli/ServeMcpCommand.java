package dev.autogen.cli;

import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.ext.mcp.server.McpAgentServer;
import dev.autogen.ext.mcp.server.McpHttpServer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen serve-mcp CONFIG [--http PORT]}: serves the agent or team of a config as an MCP tool,
 * over stdio (for a client that starts it as a program) or Streamable HTTP, until stopped.
 */
@Command(name = "serve-mcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the agent or team of a component config as an MCP tool (the task in, the final answer"
                + " out), over stdio for a client that starts this command, or over Streamable HTTP with --http.",
                "Over stdio nothing but the protocol is written to stdout; with --http the endpoint is printed."})
final class ServeMcpCommand implements Callable<Integer> {
    /** The variable that holds the bearer token clients of an HTTP server must send. */
    static final String TOKEN_VARIABLE = "AUTOGEN_MCP_TOKEN";

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "The agent or team component config file, or the name of a built-in team.")
    @SuppressWarnings("NullAway.Init")
    private String config;

    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve over Streamable HTTP on this port (0 picks a free one) at /mcp, instead of stdio.")
    private @Nullable Integer httpPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "With --http: the address to listen on (default: ${DEFAULT-VALUE}); any other address needs a"
                    + " token in " + TOKEN_VARIABLE + ", which clients send as Authorization: Bearer TOKEN.")
    private String bind = "127.0.0.1";

    @Option(names = ConsentPrompt.OPTION,
            description = "Let the config run code and start programs on this machine. Over stdio nobody can be asked,"
                    + " so without it such a config is refused.")
    private boolean allowCodeExecution;

    private final UserConsole console;
    private final PrintStream out;

    ServeMcpCommand(UserConsole console, PrintStream out) {
        this.console = console;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile source = ConfigFile.resolve(config);
        boolean stdio = httpPort == null;
        var consent = new ConsentPrompt(allowCodeExecution, stdio ? UserConsole.NONE : console,
                spec.commandLine().getErr());
        ComponentLoader loader = ComponentLoader.defaultLoader().withConsent(consent);
        TaskRunner runner = source.loadRunner(loader);
        McpAgentServer server;
        try {
            server = McpAgentServer.builder().serverInfo("autogen", "0.1.0").serve(runner).build();
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen serve-mcp: " + e.getMessage() + ".");
        }
        if (stdio) {
            spec.commandLine().getErr().println("autogen serve-mcp: serving " + server.toolNames() + " over stdio.");
            spec.commandLine().getErr().flush();
            server.serveStdio();
            return 0;
        }
        McpHttpServer http;
        try {
            http = server.startHttp(bind, httpPort, Workers.nonBlank(System.getenv(TOKEN_VARIABLE)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen serve-mcp: " + e.getMessage()
                    + (e.getMessage().contains("without a token") ? " (set " + TOKEN_VARIABLE + ")." : "."));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(http::close, "autogen-mcp-shutdown"));
        out.println("AutoGen MCP server: " + server.toolNames() + " at " + http.url() + "; stop it with Ctrl-C.");
        out.flush();
        http.await();
        return 0;
    }
}
