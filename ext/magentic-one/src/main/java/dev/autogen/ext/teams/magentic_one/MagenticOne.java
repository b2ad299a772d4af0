package dev.autogen.ext.teams.magentic_one;

import dev.autogen.agentchat.agents.ApprovalFunc;
import dev.autogen.agentchat.agents.CodeExecutorAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.teams.MagenticOneGroupChat;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.ext.agents.file_surfer.FileSurfer;
import dev.autogen.ext.agents.magentic_one.MagenticOneCoderAgent;
import dev.autogen.ext.agents.web_surfer.MultimodalWebSurfer;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magentic-One, ready to run (Python's {@code autogen_ext.teams.magentic_one.MagenticOne}): a
 * {@link MagenticOneGroupChat} whose orchestrator directs {@code FileSurfer}, {@code WebSurfer},
 * {@code Coder} and {@code ComputerTerminal}, all using one model client; in human-in-the-loop mode a
 * {@code User} proxy joins them. The terminal runs code with the given executor, asking the approval
 * function before every block.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; import dev.autogen.agentchat.ui.Console;
 *      import dev.autogen.agentchat.agents.ApprovalResponse; ChatCompletionClient model; -->
 * <pre>{@code
 * try (var m1 = MagenticOne.builder(model)
 *         .workDir(Path.of("m1-work"))
 *         .approvalFunc(request -> ApprovalResponse.approve("reviewed"))
 *         .build()) {
 *     Console.print(m1.runStream("Find the population of Paris and plot it against Rome's."));
 * }
 * }</pre>
 *
 * <p>Magentic-One acts in a browser and runs code: run it where that is safe (code in Docker, an
 * approval function that asks a person, a web surfer allow-list). Closing the team stops the browser and
 * the code executor it made.
 */
public final class MagenticOne extends MagenticOneGroupChat {
    private static final Logger LOG = LoggerFactory.getLogger(MagenticOne.class);

    private final MultimodalWebSurfer webSurfer;
    private final @Nullable CodeExecutor ownedExecutor;

    private MagenticOne(MagenticOneGroupChat.Builder team, MultimodalWebSurfer webSurfer,
            @Nullable CodeExecutor ownedExecutor) {
        super(team);
        this.webSurfer = webSurfer;
        this.ownedExecutor = ownedExecutor;
    }

    /** Starts building the team; every agent and the orchestrator use {@code client}. */
    public static Builder builder(ChatCompletionClient client) {
        return new Builder(client);
    }

    /** The web surfer, e.g. to close its browser early. */
    public MultimodalWebSurfer webSurfer() {
        return webSurfer;
    }

    /** Stops the web surfer's browser and the code executor the team made, then the team's runtime. */
    @Override
    public void close() {
        try {
            webSurfer.close();
            if (ownedExecutor != null) {
                ownedExecutor.stop();
            }
        } finally {
            super.close();
        }
    }

    /** Builds a {@link MagenticOne}. */
    public static final class Builder {
        private final ChatCompletionClient client;
        private boolean hilMode;
        private @Nullable InputFunction inputFunction;
        private @Nullable CodeExecutor codeExecutor;
        private @Nullable ApprovalFunc approvalFunc;
        private Path workDir = Path.of("").toAbsolutePath();
        private Consumer<MultimodalWebSurfer.Builder> webSurferSettings = b -> {
        };
        private int maxTurns = MagenticOneGroupChat.DEFAULT_MAX_TURNS;
        private int maxStalls = MagenticOneGroupChat.DEFAULT_MAX_STALLS;

        private Builder(ChatCompletionClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Adds a {@code User} proxy the orchestrator can ask (Python's {@code hil_mode}). */
        public Builder hilMode(boolean value) {
            this.hilMode = value;
            return this;
        }

        /** Where the {@code User} proxy reads the human's answers (default the console). */
        public Builder inputFunction(@Nullable InputFunction value) {
            this.inputFunction = value;
            return this;
        }

        /**
         * The executor the {@code ComputerTerminal} runs code with; by default a local command-line
         * executor in the work directory, started and stopped by the team.
         */
        public Builder codeExecutor(@Nullable CodeExecutor value) {
            this.codeExecutor = value;
            return this;
        }

        /** Asked before every code block runs; without one, code runs unasked (as in Python). */
        public Builder approvalFunc(@Nullable ApprovalFunc value) {
            this.approvalFunc = value;
            return this;
        }

        /** The folder the file surfer reads, downloads go to ({@code downloads/}) and the default executor runs in. */
        public Builder workDir(Path value) {
            this.workDir = Objects.requireNonNull(value, "workDir").toAbsolutePath();
            return this;
        }

        /** Adjusts the web surfer (start page, allow-list, browser executable...) before it is built. */
        public Builder webSurfer(Consumer<MultimodalWebSurfer.Builder> settings) {
            this.webSurferSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The orchestrator's round limit (default 20). */
        public Builder maxTurns(int value) {
            this.maxTurns = value;
            return this;
        }

        /** Stalls in a row before the orchestrator re-plans (default 3). */
        public Builder maxStalls(int value) {
            this.maxStalls = value;
            return this;
        }

        /**
         * Builds the team; the browser starts when the web surfer first speaks.
         *
         * @throws IllegalArgumentException if the model cannot call functions, or the work directory is unusable
         */
        public MagenticOne build() {
            ModelInfo info = client.modelInfo();
            if (!info.functionCalling() || !info.jsonOutput()) {
                LOG.warn("Client capabilities for MagenticOne must include vision, function calling, and json output.");
            }
            if (approvalFunc == null) {
                LOG.warn("MagenticOne has no approval function: the ComputerTerminal runs every code block unasked");
            }
            CodeExecutor executor = codeExecutor;
            CodeExecutor owned = null;
            if (executor == null) {
                executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).build();
                LOG.warn("MagenticOne runs code on this machine in {} (no code executor was given; Docker is safer)",
                        workDir);
                owned = executor;
            }
            var fileSurfer = new FileSurfer("FileSurfer", client, FileSurfer.DEFAULT_DESCRIPTION, workDir);
            var surferBuilder = MultimodalWebSurfer.builder("WebSurfer", client).downloadsFolder(workDir.resolve("downloads"));
            webSurferSettings.accept(surferBuilder);
            MultimodalWebSurfer webSurfer = surferBuilder.build();
            var coder = new MagenticOneCoderAgent("Coder", client);
            var terminal = CodeExecutorAgent.builder("ComputerTerminal", executor);
            if (approvalFunc != null) {
                terminal.approvalFunc(approvalFunc);
            }
            List<ChatAgent> agents = new ArrayList<>(List.of(fileSurfer, webSurfer, coder, terminal.build()));
            if (hilMode) {
                agents.add(inputFunction == null ? new UserProxyAgent("User") : new UserProxyAgent("User", inputFunction));
            }
            if (owned != null) {
                owned.start();
            }
            var team = MagenticOneGroupChat.builder(agents, client).maxTurns(maxTurns).maxStalls(maxStalls);
            return new MagenticOne(team, webSurfer, owned);
        }
    }

    /** The participants' names, in order. */
    public List<String> participantNames() {
        return participants().stream().map(Participant::name).toList();
    }
}
