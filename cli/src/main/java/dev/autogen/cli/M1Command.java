package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.ApprovalFunc;
import dev.autogen.agentchat.agents.ApprovalResponse;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.agentchat.ui.TerminalText;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProblem;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.code_executors.docker.DockerCommandLineCodeExecutor;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.teams.magentic_one.MagenticOne;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen m1 TASK}: runs Magentic-One on a task, as Python's {@code m1} command. The model comes
 * from an m1 YAML config ({@code client:} holding a model client component); code runs in Docker when an
 * engine answers, otherwise on this machine, and in either case only after the user approves each block
 * (or with {@code --yes}).
 */
@Command(name = "m1", mixinStandardHelpOptions = true,
        description = {"Runs a complex task with Magentic-One: an orchestrator directing a web surfer, a file "
                + "surfer, a coder and a computer terminal (Fourney et al. 2024, arXiv:2411.04468).",
                "The model is read from --config, else ./config.yaml, else OpenAI's gpt-4o (OPENAI_API_KEY). "
                        + "Each code block is shown and runs only when you approve it, unless --yes."})
final class M1Command implements Callable<Integer> {
    static final String DEFAULT_CONFIG_FILE = "config.yaml";
    static final String SAMPLE_CONFIG = """
            # config.yaml
            #
            client:
              provider: autogen_ext.models.openai.OpenAIChatCompletionClient
              config:
                model: gpt-4o
            """;

    private static final Logger LOG = LoggerFactory.getLogger(M1Command.class);

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASK", description = "The task for Magentic-One.")
    private @Nullable String task;

    @Option(names = "--hil", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Human in the loop: the orchestrator may ask you (a 'User' participant). On by default; "
                    + "--no-hil leaves you out.")
    private boolean hil = true;

    @Option(names = "--config", paramLabel = "FILE", description = "The model configuration (YAML or JSON with a "
            + "'client:' model client component), as Python's m1. Default: ./" + DEFAULT_CONFIG_FILE + " if present.")
    private @Nullable Path config;

    @Option(names = "--sample-config", description = "Print a sample configuration and exit.")
    private boolean sampleConfig;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where code runs and files are read and downloaded (default: the current directory).")
    private Path workDir = Path.of(".");

    @ArgGroup(exclusive = true)
    private @Nullable Execution execution;

    @Option(names = {"--yes", "-y"}, description = "Run every code block without asking.")
    private boolean yes;

    @Option(names = "--start-page", paramLabel = "URL", description = "The web surfer's first page (default Bing).")
    private @Nullable String startPage;

    @Option(names = "--allow-url", paramLabel = "PREFIX", description = "Let the web surfer open only URLs starting "
            + "with PREFIX (repeatable; default: any http, https or file URL).")
    private List<String> allowedUrls = new ArrayList<>();

    @Option(names = "--browser", paramLabel = "PATH", description = "The Chromium executable (default /usr/bin/chromium).")
    private @Nullable Path browser;

    @Option(names = "--max-turns", paramLabel = "N", description = "The orchestrator's round limit (default 20).")
    private @Nullable Integer maxTurns;

    static final class Execution {
        @Option(names = "--docker", required = true, description = "Run code in a Docker container (fails when no "
                + "Docker engine answers).")
        boolean docker;

        @Option(names = "--local", required = true, description = "Run code on this machine, in --work-dir.")
        boolean local;
    }

    private final UserConsole console;

    M1Command(UserConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sampleConfig) {
            out.print(SAMPLE_CONFIG);
            out.flush();
            return 0;
        }
        if (task == null || task.isBlank()) {
            throw CliException.config("autogen: m1 needs a task, e.g. autogen m1 \"Find the population of Paris\" "
                    + "(see 'autogen m1 --help').");
        }
        if (maxTurns != null && maxTurns < 1) {
            throw CliException.config("autogen: --max-turns must be at least 1, got " + maxTurns + ".");
        }
        Path work = workDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(work)) {
            throw CliException.config("autogen: --work-dir '" + workDir + "' is not a directory; create it first.");
        }
        ChatCompletionClient client = loadClient();
        if (hil && !console.interactive()) {
            err.println("autogen: no terminal to ask you questions, so Magentic-One runs without a User (as --no-hil).");
            err.flush();
            hil = false;
        }
        CodeExecutor executor = null;
        try {
            executor = codeExecutor(work, err);
            var builder = MagenticOne.builder(client).workDir(work).hilMode(hil).inputFunction(console.input())
                    .codeExecutor(executor).approvalFunc(approval(err))
                    .webSurfer(surfer -> {
                        if (startPage != null) {
                            surfer.startPage(startPage);
                        }
                        if (!allowedUrls.isEmpty()) {
                            surfer.urlAllowList(allowedUrls);
                        }
                        if (browser != null) {
                            surfer.browserExecutable(browser);
                        }
                    });
            if (maxTurns != null) {
                builder.maxTurns(maxTurns);
            }
            MagenticOne m1;
            try {
                m1 = builder.build();
            } catch (IllegalArgumentException e) {
                throw CliException.config("autogen: m1 cannot start: " + e.getMessage());
            }
            try (m1; var interrupt = new InterruptHook()) {
                Console display = Console.builder().output(out).outputStats(false).build();
                try (MessageStream<TaskResult> stream = m1.runStream(task)) {
                    interrupt.cancelWith(stream::close);
                    display.render(stream);
                }
            } catch (CancellationException e) {
                throw new CliException(CliException.RUN_FAILURE, "autogen: the Magentic-One run was cancelled.");
            } catch (CliException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debug("the Magentic-One run failed", e);
                throw new CliException(CliException.RUN_FAILURE, "autogen: the Magentic-One run failed: "
                        + CliException.describe(e));
            }
            return 0;
        } finally {
            if (executor != null) {
                executor.stop();
            }
            client.close();
        }
    }

    private ChatCompletionClient loadClient() {
        JsonNode node;
        String label;
        if (config != null) {
            node = ConfigFile.read(config);
            label = "m1 config '" + config + "'";
        } else if (Files.isRegularFile(Path.of(DEFAULT_CONFIG_FILE))) {
            node = ConfigFile.read(Path.of(DEFAULT_CONFIG_FILE));
            label = "m1 config './" + DEFAULT_CONFIG_FILE + "'";
        } else {
            node = InputFile.parseYaml(SAMPLE_CONFIG);
            label = "the default m1 config (OpenAI gpt-4o)";
        }
        JsonNode clientNode = node.get("client");
        if (clientNode == null || !clientNode.isObject()) {
            throw CliException.config("autogen: " + label + " has no 'client' entry: it must hold a model client "
                    + "component under 'client:', e.g.\n" + SAMPLE_CONFIG.strip());
        }
        ComponentLoader loader = ComponentLoader.defaultLoader();
        ChatCompletionClient client;
        try {
            client = loader.load(clientNode, ChatCompletionClient.class);
        } catch (ComponentLoadException e) {
            List<ComponentProblem> problems = loader.validate(clientNode, ChatCompletionClient.class);
            throw CliException.config(ProblemReport.render(label + " (client)", problems.isEmpty() ? e.problems() : problems));
        }
        var problem = client.configurationProblem();
        if (problem.isPresent()) {
            client.close();
            throw CliException.config("autogen: " + label + " needs a model that is not configured. "
                    + problem.get().strip().replaceAll("([^.])$", "$1.")
                    + " Or name another model in a config file: 'autogen m1 --sample-config' prints one.");
        }
        return client;
    }

    /** Docker when asked, or by default when an engine answers; else this machine. */
    private CodeExecutor codeExecutor(Path work, PrintWriter err) {
        boolean docker = execution != null && execution.docker;
        boolean local = execution != null && execution.local;
        if (!local) {
            DockerCommandLineCodeExecutor container = DockerCommandLineCodeExecutor.builder().workDir(work).build();
            try {
                container.start();
                err.println("autogen: code runs in a Docker container (image " + DockerCommandLineCodeExecutor.DEFAULT_IMAGE
                        + ", " + work + " mounted).");
                err.flush();
                return container;
            } catch (RuntimeException e) {
                if (docker) {
                    throw CliException.config("autogen: --docker needs a Docker engine, and none answered: "
                            + CliException.describe(e) + " Start Docker, or use --local to run code on this machine "
                            + "after approving each block.");
                }
                LOG.debug("no Docker engine: {}", e.getMessage());
                err.println("autogen: no Docker engine answered; code runs on this machine in " + work
                        + ", each block only after you approve it" + (yes ? " (--yes approves them all)." : "."));
                err.flush();
            }
        }
        LocalCommandLineCodeExecutor executor = LocalCommandLineCodeExecutor.builder().workDir(work).build();
        executor.start();
        return executor;
    }

    /** Shows each code block and asks; {@code --yes} approves all; nobody at a terminal refuses all. */
    private ApprovalFunc approval(PrintWriter err) {
        if (yes) {
            return request -> ApprovalResponse.approve("approved by --yes");
        }
        if (!console.interactive()) {
            return request -> ApprovalResponse.deny("code runs only after approval and there is no terminal to ask; "
                    + "run 'autogen m1' on a terminal, or with --yes");
        }
        ReentrantLock asking = new ReentrantLock();
        return request -> {
            asking.lock();
            try {
                err.println();
                err.println("autogen: the ComputerTerminal wants to run this code:");
                err.println(TerminalText.escapeControls(request.code()));
                err.print("Run it? [y]es, [n]o: ");
                err.flush();
                String answer;
                try {
                    answer = console.input().getInput("", new dev.autogen.core.CancellationToken());
                } catch (java.io.EOFException e) {
                    answer = "";
                }
                answer = answer.strip().toLowerCase(Locale.ROOT);
                boolean approved = answer.equals("y") || answer.equals("yes");
                LOG.info("code block {} by the user", approved ? "approved" : "refused");
                return approved ? ApprovalResponse.approve("approved by the user")
                        : ApprovalResponse.deny("the user did not approve running this code");
            } finally {
                asking.unlock();
            }
        };
    }
}
