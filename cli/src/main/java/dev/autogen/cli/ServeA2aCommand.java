package dev.autogen.cli;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.ext.a2a.A2AAgentServer;
import dev.autogen.ext.a2a.A2AHttpServer;
import dev.autogen.ext.a2a.A2AUserInput;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen serve-a2a CONFIG [--port P]}: serves the agent or team of a config as an A2A agent
 * until stopped; a user proxy in it asks the A2A client ({@code input-required}).
 */
@Command(name = "serve-a2a", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the agent or team of a component config as an A2A (Agent2Agent) agent: its card at"
                + " /.well-known/agent-card.json, JSON-RPC (message/send, message/stream, tasks/get, tasks/cancel) at /.",
                "A user proxy in the team asks the A2A client: the task becomes input-required, and the client's next"
                        + " message of the task is the reply."})
final class ServeA2aCommand implements Callable<Integer> {
    /** The variable that holds the bearer token clients must send. */
    static final String TOKEN_VARIABLE = "AUTOGEN_A2A_TOKEN";

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "The agent or team component config file, or the name of a built-in team.")
    @SuppressWarnings("NullAway.Init")
    private String config;

    @Option(names = "--port", defaultValue = "9999", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a"
            + " free one).")
    private int port = 9999;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}); any other address needs a token in "
                    + TOKEN_VARIABLE + ", which clients send as Authorization: Bearer TOKEN.")
    private String bind = "127.0.0.1";

    @Option(names = ConsentPrompt.OPTION,
            description = "Let the config run code and start programs on this machine without asking.")
    private boolean allowCodeExecution;

    private final UserConsole console;
    private final PrintStream out;

    ServeA2aCommand(UserConsole console, PrintStream out) {
        this.console = console;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile source = ConfigFile.resolve(config);
        var consent = new ConsentPrompt(allowCodeExecution, console, spec.commandLine().getErr());
        var input = new A2AUserInput();
        ComponentLoader loader = ComponentLoader.defaultLoader().withConsent(consent)
                .withAttribute(InputFunction.class, input);
        TaskRunner runner = source.loadRunner(loader);
        A2AAgentServer server = A2AAgentServer.builder().serve(runner).userInput(input).build();
        A2AHttpServer http;
        try {
            http = server.start(bind, port, Workers.nonBlank(System.getenv(TOKEN_VARIABLE)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen serve-a2a: " + e.getMessage()
                    + (e.getMessage().contains("without a token") ? " (set " + TOKEN_VARIABLE + ")." : "."));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(http::close, "autogen-a2a-shutdown"));
        out.println("AutoGen A2A server: '" + server.name() + "' at " + http.url() + " (card: " + http.cardUrl()
                + "); stop it with Ctrl-C.");
        out.flush();
        http.await();
        return 0;
    }
}
