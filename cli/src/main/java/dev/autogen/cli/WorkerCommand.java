package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.teams.RemoteParticipant;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProblem;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen worker --host ADDR --team-id ID CONFIG}: joins an AutoGen host and serves the agents
 * of a component config as participants of a team that another process runs
 * ({@code autogen run --host ADDR --team-id ID --remote NAME}), until stopped.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Joins an AutoGen host and serves agents of a component config as participants of a team run by"
                + " another process ('autogen run CONFIG --host ADDR --team-id ID --remote NAME'), until stopped with"
                + " Ctrl-C or SIGTERM.",
                "CONFIG is an agent or team config: served as one participant, or with --participant, those participants"
                        + " of the team config."})
final class WorkerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The agent or team component config file (JSON or YAML).")
    @SuppressWarnings("NullAway.Init")
    private String config;

    @Option(names = "--host", paramLabel = "ADDR", required = true, description = "The AutoGen host to join (HOST:PORT; for a host cluster, several nodes"
                    + " separated by commas: the worker moves to the next when its node goes away).")
    @SuppressWarnings("NullAway.Init")
    private String host;

    @Option(names = "--team-id", paramLabel = "ID", required = true,
            description = "The id of the team the participants belong to; 'autogen run --team-id' must give the same.")
    @SuppressWarnings("NullAway.Init")
    private String teamId;

    @Option(names = "--participant", paramLabel = "NAME", split = ",",
            description = "Serve this participant of the team config (repeatable, or NAME,NAME).")
    private List<String> participantNames = new ArrayList<>();

    @Option(names = "--tls-ca", paramLabel = "FILE",
            description = "The host uses TLS; trust the certificate (or CA) in this PEM file. The host's token, if it has"
                    + " one, is read from AUTOGEN_HOST_TOKEN.")
    private java.nio.file.@org.jspecify.annotations.Nullable Path tlsCa;

    @Option(names = ConsentPrompt.OPTION,
            description = "Let the config run code and start programs on this machine without asking (as for 'autogen run').")
    private boolean allowCodeExecution;

    private final UserConsole console;
    private final PrintStream out;

    WorkerCommand(UserConsole console, PrintStream out) {
        this.console = console;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile source = new ConfigFile("config file '" + config + "'", ConfigFile.read(java.nio.file.Path.of(config)), null);
        var consent = new ConsentPrompt(allowCodeExecution, console, spec.commandLine().getErr());
        ComponentLoader loader = ComponentLoader.defaultLoader().withConsent(consent);
        List<Participant> participants = load(source, loader);
        GrpcWorkerAgentRuntime runtime;
        try {
            runtime = Workers.connect(host, tlsCa);
        } catch (CliException e) {
            participants.forEach(WorkerCommand::close);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            participants.forEach(WorkerCommand::close);
            stopped.countDown();
        }, "autogen-worker-shutdown"));
        try {
            for (Participant participant : participants) {
                RemoteParticipant.serve(runtime, teamId, participant);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen worker: " + e.getMessage() + ".");
        }
        out.println("AutoGen worker serving " + participants.stream().map(p -> "'" + p.name() + "'").toList()
                + " of team '" + teamId + "' through the host at " + host + "; stop it with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The participants to serve: the config itself, or the chosen participants of a team config. */
    private List<Participant> load(ConfigFile source, ComponentLoader loader) {
        Map<String, JsonNode> chosen = new LinkedHashMap<>();
        if (participantNames.isEmpty()) {
            chosen.put(null, source.node());
        } else {
            JsonNode listed = source.node().path("config").path("participants");
            for (String name : participantNames) {
                JsonNode found = null;
                List<String> names = new ArrayList<>();
                for (int i = 0; i < listed.size(); i++) {
                    String participantName = listed.get(i).path("config").path("name").asText("");
                    names.add(participantName);
                    if (participantName.equals(name)) {
                        found = listed.get(i);
                        chosen.put("team.config.participants[" + i + "]", found);
                    }
                }
                if (found == null) {
                    throw CliException.config("autogen worker: " + source.label() + " has no participant named '" + name
                            + "'" + (listed.isArray() ? "; its participants are " + names : "; it is not a team config")
                            + ".");
                }
            }
        }
        List<Participant> participants = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : chosen.entrySet()) {
            ComponentLoader at = entry.getKey() == null ? loader : loader.withRootPath(entry.getKey());
            try {
                Object loaded = at.load(entry.getValue(), Object.class);
                if (!(loaded instanceof Participant participant)) {
                    close(loaded);
                    throw CliException.config("autogen worker: " + source.label() + (entry.getKey() == null ? ""
                            : " at " + entry.getKey()) + " is neither an agent nor a team, so it cannot take part in a team.");
                }
                participants.add(participant);
            } catch (ComponentLoadException e) {
                participants.forEach(WorkerCommand::close);
                List<ComponentProblem> problems = at.validate(entry.getValue(), Object.class);
                throw CliException.config(ProblemReport.render(source.label(), problems.isEmpty() ? e.problems() : problems));
            }
        }
        return participants;
    }

    private static void close(Object component) {
        if (component instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", component, e);
            }
        }
    }
}
