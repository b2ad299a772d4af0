package dev.autogen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen run CONFIG --task TEXT}: loads a team or agent component config and runs it,
 * printing the run as Python's Console does, or the {@link TaskResult} as one JSON object.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads a team or agent component config (JSON, or YAML for .yaml/.yml files) and runs it "
                + "on a task, printing each message as it arrives.",
                "Exit codes: 0 done, 1 the config (or a state file) cannot be used, 2 the run failed."})
final class RunCommand implements Callable<Integer> {
    private static final String MAX_TURNS = "max_turns";
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "The team or agent component config file, or the name of a built-in team (see 'autogen dump').")
    @SuppressWarnings("NullAway.Init")
    private String config;

    @ArgGroup(exclusive = true)
    private @Nullable Task task;

    @Option(names = "--max-turns", paramLabel = "N",
            description = "Stop a team after N turns (sets the team config's max_turns).")
    private @Nullable Integer maxTurns;

    @Option(names = "--model", paramLabel = "PROVIDER:MODEL",
            description = "Run every agent (and selector or orchestrator) on this model instead of the config's model "
                    + "clients: openai:MODEL, anthropic:MODEL, ollama:MODEL or llama-cpp:FILE.gguf (in process). Keys and "
                    + "hosts come from the environment (OPENAI_API_KEY, OPENAI_BASE_URL, ANTHROPIC_API_KEY, OLLAMA_HOST).")
    private @Nullable String model;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the Console transcript; json: only the TaskResult as one JSON object "
                    + "{\"messages\": [...], \"stop_reason\": ...}.")
    private OutputFormat output = OutputFormat.text;

    @Option(names = "--stats", description = "Print each message's token usage and a summary at the end (text output).")
    private boolean stats;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "A one-line progress display on stderr (messages so far, time taken): auto (default: when "
                    + "stderr is a terminal, as the autogen launcher tells), always or never. Never written to stdout.")
    private ProgressMode progress = ProgressMode.auto;

    @Option(names = "--state-in", paramLabel = "FILE", description = "Load this saved state (from --state-out) before the run.")
    private @Nullable Path stateIn;

    @Option(names = "--state-out", paramLabel = "FILE", description = "Write the team's or agent's saved state here: after every completed turn, and when the run "
                    + "ends, fails or is interrupted (Ctrl-C), so --state-in continues from the last completed turn.")
    private @Nullable Path stateOut;

    @Option(names = ConsentPrompt.OPTION,
            description = "Let the config run code and start programs on this machine (code executors, the Python code "
                    + "execution tool, MCP servers over stdio) without asking. Without it, a terminal is asked before each "
                    + "start, showing the code or command; with no terminal, such a config is refused.")
    private boolean allowCodeExecution;

    @Mixin
    private DurableRunOptions durable = new DurableRunOptions();

    @Mixin
    private DistributedRunOptions distributed = new DistributedRunOptions();

    private final UserConsole console;

    RunCommand(UserConsole console) {
        this.console = console;
    }

    /** The task, given inline or in a file; none continues a run restored with {@code --state-in}. */
    static final class Task {
        @Option(names = "--task", paramLabel = "TEXT", required = true, description = "The task, sent as a message from 'user'.")
        @Nullable String text;

        @Option(names = "--task-file", paramLabel = "FILE", required = true, description = "Read the task from this file.")
        @Nullable Path file;
    }

    enum OutputFormat { text, json }

    enum ProgressMode { auto, always, never }

    /** Set by the {@code autogen} launcher when stderr is a terminal, which Java itself cannot tell. */
    static final String STDERR_IS_TERMINAL = "autogen.stderr.terminal";

    @Override
    public Integer call() {
        Preload.await();
        PrintWriter out = spec.commandLine().getOut();
        if (maxTurns != null && maxTurns < 1) {
            throw CliException.config("autogen: --max-turns must be at least 1, got " + maxTurns + ".");
        }
        durable.check();
        distributed.check();
        try (DistributedRunOptions joined = distributed) {
            return runConfig(out);
        }
    }

    private Integer runConfig(PrintWriter out) {
        ModelOverride override = model == null ? null : ModelOverride.parse(model);
        ConfigFile source = ConfigFile.resolve(config);
        RunOptions options = runOptions(source);
        var consent = new ConsentPrompt(allowCodeExecution, console, spec.commandLine().getErr());
        TaskRunner runner = load(source, override, consent);
        if (distributed.distributed() && stateIn == null && !durable.resuming() && runner instanceof Team team) {
            try {
                team.reset(); // participants served by workers start afresh, as those built here do
            } catch (RuntimeException e) {
                close(runner);
                throw new CliException(CliException.RUN_FAILURE, "autogen: cannot reach the participants of " + name(runner)
                        + " that workers serve: " + CliException.describe(e).replaceAll("([^.])$", "$1.") + " Start them with 'autogen worker --host "
                        + distributed.host + " --team-id " + distributed.teamId + " ...'.");
            }
        }
        try (CheckpointStore store = durable.attach(runner, name(runner), stateOut)) {
            if (stateIn != null) {
                loadState(runner, stateIn);
            }
            TaskResult result;
            try (Telemetry telemetry = Telemetry.fromEnvironment(System.getenv());
                    var interrupt = new InterruptHook()) {
                result = telemetry.call(() -> run(runner, options, out, interrupt, consent));
            } catch (RuntimeException e) {
                if (stateOut != null && store == null) {
                    try {
                        writeFinalState(runner, stateOut);
                    } catch (CliException notWritten) {
                        LOG.warn("{}", notWritten.getMessage());
                    }
                }
                throw e;
            }
            if (stateOut != null && store == null) {
                writeFinalState(runner, stateOut);
            }
            if (output == OutputFormat.json) {
                out.println(toJson(result));
                out.flush();
            }
            return 0;
        } finally {
            close(runner);
        }
    }

    private RunOptions runOptions(ConfigFile source) {
        if (task == null) {
            return source.builtin() != null && stateIn == null && !durable.resuming()
                    ? RunOptions.task(source.builtin().defaultTask()) : RunOptions.none();
        }
        if (task.text != null) {
            return RunOptions.task(task.text);
        }
        String text = InputFile.readText(task.file, "task file").strip();
        if (text.isEmpty()) {
            throw CliException.config("autogen: task file '" + task.file + "' is empty; write the task in it.");
        }
        return RunOptions.task(text);
    }

    private TaskRunner load(ConfigFile source, @Nullable ModelOverride override, ConsentPrompt consent) {
        JsonNode node = source.node();
        ComponentLoader loader = distributed.place(ComponentLoader.defaultLoader().withConsent(consent), source);
        if (maxTurns != null) {
            setMaxTurns(loader, node);
        }
        if (override != null) {
            replaceModelClients(source, node, loader, override);
        }
        TaskRunner runner = source.loadRunner(loader);
        try {
            ModelSetup.check(source, loader);
        } catch (CliException e) {
            close(runner);
            throw e;
        }
        return runner;
    }

    private static void replaceModelClients(ConfigFile source, JsonNode node, ComponentLoader loader, ModelOverride override) {
        List<ModelClientSites.Site> sites = ModelClientSites.find(node, loader.registry());
        if (sites.isEmpty()) {
            throw CliException.config("autogen: --model has nothing to replace: " + source.label()
                    + " names no model client (a team of agents without models, or model clients of unknown providers;"
                    + " 'autogen validate' lists those).");
        }
        sites.forEach(site -> site.replaceWith(override.component()));
    }

    /** Puts {@code --max-turns} into the config, for teams whose config has {@code max_turns}. */
    private void setMaxTurns(ComponentLoader loader, JsonNode node) {
        String provider = node.path("provider").asText("");
        ComponentProvider<?, ?> found = loader.registry().find(provider).orElse(null);
        if (found == null || !(node.path("config") instanceof ObjectNode configNode)) {
            return;
        }
        if (!hasProperty(found.configClass(), MAX_TURNS)) {
            throw CliException.config("autogen: --max-turns applies to teams with a max_turns setting; '"
                    + found.provider() + "' (component type '" + found.componentType() + "') has none. Leave out --max-turns, or "
                    + "give the config a termination condition.");
        }
        configNode.put(MAX_TURNS, maxTurns);
    }

    private static boolean hasProperty(Class<?> configClass, String name) {
        ObjectMapper mapper = AutogenJson.mapper();
        return mapper.getDeserializationConfig().introspect(mapper.constructType(configClass)).findProperties().stream()
                .anyMatch(p -> p.getName().equals(name));
    }

    private TaskResult run(TaskRunner runner, RunOptions options, PrintWriter out, InterruptHook interrupt,
            ConsentPrompt consent) {
        Progress display = showProgress() ? Progress.start(spec.commandLine().getErr()) : null;
        if (display != null) {
            consent.hide(display);
        }
        Writer transcript = output == OutputFormat.json ? Writer.nullWriter() : display == null ? out : display.guard(out);
        Console console = Console.builder()
                .output(transcript)
                .outputStats(stats && output == OutputFormat.text)
                .build();
        try (MessageStream<TaskResult> stream = durable.start(runner, options);
                MessageStream<TaskResult> watched = display == null ? stream : stream.peek(display::onMessage)) {
            durable.announce(runner, spec.commandLine().getErr());
            interrupt.cancelWith(stream::close);
            return console.render(watched);
        } catch (CliException e) {
            throw e;
        } catch (CancellationException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen: the run of " + name(runner) + " was cancelled."
                    + resumeHint());
        } catch (RuntimeException e) {
            LOG.debug("the run of {} failed", name(runner), e);
            String detail = CliException.describe(e);
            String repeated = name(runner) + " stopped: ";
            throw new CliException(CliException.RUN_FAILURE, "autogen: the run of " + name(runner) + " failed: "
                    + (detail.startsWith(repeated) ? detail.substring(repeated.length()) : detail) + resumeHint());
        } finally {
            if (display != null) {
                display.close();
            }
        }
    }

    /**
     * {@code --state-out} of an agent (a team writes it after every turn): its state once the run is
     * over, however it ended.
     */
    private static void writeFinalState(TaskRunner runner, Path file) {
        Map<String, Object> state = switch (runner) {
            case Team team -> team.saveState();
            case ChatAgent agent -> agent.saveState();
            default -> throw new CliException(CliException.RUN_FAILURE, "autogen: " + name(runner)
                    + " has no state to save.");
        };
        StateFile.write(file, state);
    }

    /** Where a failed or cancelled run's state went, and how to go on from it. */
    private String resumeHint() {
        return stateOut == null ? "" : " The state after the last completed turn is in '" + stateOut
                + "'; run again with --state-in " + stateOut + " to continue from there.";
    }

    private boolean showProgress() {
        return switch (progress) {
            case always -> true;
            case never -> false;
            case auto -> Boolean.getBoolean(STDERR_IS_TERMINAL) && !"dumb".equals(System.getenv("TERM"));
        };
    }

    private static void loadState(TaskRunner runner, Path file) {
        JsonNode node = InputFile.readTree(file, "state file");
        if (!node.isObject()) {
            throw CliException.config("autogen: state file '" + file + "' must hold one JSON object (a state written by"
                    + " --state-out), not " + (node.isMissingNode() ? "nothing" : node.getNodeType().toString()
                            .toLowerCase(java.util.Locale.ROOT)) + ".");
        }
        Map<String, Object> state = AutogenJson.mapper().convertValue(node, new TypeReference<Map<String, Object>>() { });
        try {
            switch (runner) {
                case Team team -> team.loadState(state);
                case ChatAgent agent -> agent.loadState(state);
                default -> throw CliException.config("autogen: " + name(runner) + " cannot load a saved state.");
            }
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("loading {} failed", file, e);
            String detail = e.getMessage() == null ? CliException.describe(e) : e.getMessage();
            throw CliException.config("autogen: state file '" + file + "' does not fit " + name(runner) + ": "
                    + detail + ". Use a state that --state-out wrote for this config.");
        }
    }

    private static String toJson(TaskResult result) {
        try {
            return AutogenJson.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen: cannot write the result as JSON: "
                    + CliException.describe(e));
        }
    }

    static String name(TaskRunner runner) {
        return switch (runner) {
            case Team team -> "team '" + team.name() + "'";
            case ChatAgent agent -> "agent '" + agent.name() + "'";
            default -> runner.getClass().getSimpleName();
        };
    }

    private static void close(TaskRunner runner) {
        if (runner instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", name(runner), e);
            }
        }
    }
}
