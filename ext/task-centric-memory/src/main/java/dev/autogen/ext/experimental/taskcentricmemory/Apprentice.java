package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal wrapper that combines task-centric memory with an agent or team, as Python's
 * {@code Apprentice}: its {@link MemoryController} (emptied at the start) gives each task to a fresh
 * agent, by default an {@link AssistantAgent} with Python's six-step system message, or to the agent or
 * team a supplier makes. Applications may use it or call a {@link MemoryController} directly.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * try (var apprentice = Apprentice.builder(model)
 *         .config(ApprenticeConfig.of(MemoryControllerConfig.at("./memory_bank/apprentice"))).build()) {
 *     apprentice.trainOnTask("What is 17 * 23?", "391");
 *     String answer = apprentice.assignTask("What is 17 * 24?");
 * }
 * }</pre>
 *
 * <p>With the apprentice's own agent, the response is the agent's last message and also its work
 * history; with a supplied agent or team, both are the text of every message of the run, as Python's
 * Magentic-One path. Thread-safe as its controller.
 */
public final class Apprentice implements AutoCloseable {
    /** The system message of the apprentice's own agent, as Python's. */
    public static final String SYSTEM_MESSAGE = """
            You are a helpful and thoughtful assistant.
            In responding to every user message, you follow the same multi-step process given here:
            1. Explain your understanding of the user message in detail, covering all the important points.
            2. List as many possible responses as you can think of.
            3. Carefully list and weigh the pros and cons (if any) of each possible response.
            4. Critique the pros and cons above, looking for any flaws in your reasoning. But don't make up flaws that don't exist.
            5. Decide on the best response, looping back to step 1 if none of the responses are satisfactory.
            6. Finish by providing your final response in the particular format requested by the user.""";

    private static final Logger LOG = LoggerFactory.getLogger(Apprentice.class);

    private final ChatCompletionClient client;
    private final boolean disablePrefixCaching;
    private final @Nullable Supplier<? extends TaskRunner> agentOrTeam;
    private final SecureRandom random = new SecureRandom();
    private final MemoryController memoryController;

    private Apprentice(Builder b) {
        this.client = b.client;
        this.disablePrefixCaching = Boolean.TRUE.equals(b.config.disablePrefixCaching());
        this.agentOrTeam = b.agentOrTeam;
        String name = b.config.nameOrDefault();
        if (agentOrTeam == null && !name.equals(ApprenticeConfig.ASSISTANT_AGENT)) {
            throw new IllegalArgumentException("name_of_agent_or_team '" + name + "' is not built in; the apprentice"
                    + " builds only '" + ApprenticeConfig.ASSISTANT_AGENT + "'; give any other agent or team with"
                    + " Apprentice.builder(...).agentOrTeam(() -> ...)");
        }
        var controller = MemoryController.builder(client).reset(true).taskAssignmentCallback(this::assignTaskToAgentOrTeam);
        if (b.config.memoryController() != null) {
            controller.config(b.config.memoryController());
        }
        if (b.embeddings != null) {
            controller.embeddingFunction(b.embeddings);
        }
        this.memoryController = controller.build();
    }

    /** A builder of an apprentice whose memory and agent call {@code client}. */
    public static Builder builder(ChatCompletionClient client) {
        return new Builder(client);
    }

    /** The memory controller. */
    public MemoryController memoryController() {
        return memoryController;
    }

    /** Empties the memory bank. */
    public void resetMemory() {
        memoryController.resetMemory();
    }

    /** Stores any advice in {@code text}, then assigns it as a task (see {@link MemoryController#handleUserMessage}). */
    public String handleUserMessage(String text) {
        return memoryController.handleUserMessage(text);
    }

    /** Stores a task with its solution as a demonstration. */
    public void addTaskSolutionPairToMemory(String task, String solution) {
        memoryController.addTaskSolutionPairToMemory(task, solution);
    }

    /** Assigns {@code task} with the relevant memos appended. */
    public String assignTask(String task) {
        return memoryController.assignTask(task, true);
    }

    /** Assigns {@code task}, consulting memory only if {@code useMemory}. */
    public String assignTask(String task, boolean useMemory) {
        return memoryController.assignTask(task, useMemory);
    }

    /** Trains on {@code task} (see {@link MemoryController#trainOnTask}); returns the insight stored, if any. */
    public Optional<String> trainOnTask(String task, String expectedAnswer) {
        return memoryController.trainOnTask(task, expectedAnswer);
    }

    /** Gives {@code task} to a fresh agent or team and returns its response and work history. */
    public TaskAssignmentCallback.Outcome assignTaskToAgentOrTeam(String task) {
        LOG.info("Task for the agent:\n{}", task);
        if (agentOrTeam != null) {
            TaskResult result = agentOrTeam.get().run(task);
            String all = result.messages().stream().map(BaseMessage::toText).collect(Collectors.joining("\n"));
            return new TaskAssignmentCallback.Outcome(all, all);
        }
        String system = SYSTEM_MESSAGE;
        if (disablePrefixCaching) {
            system = "(" + random.nextInt(1_000_001) + ")\n\n" + system;
        }
        TaskResult result = AssistantAgent.builder("assistant_agent", client).systemMessage(system).build().run(task);
        String response = result.messages().getLast().toText();
        LOG.info("Response:\n{}", response);
        return new TaskAssignmentCallback.Outcome(response, response);
    }

    /** Closes the memory controller (not the model client). */
    @Override
    public void close() {
        memoryController.close();
    }

    /** Builds an {@link Apprentice}. */
    public static final class Builder {
        private final ChatCompletionClient client;
        private ApprenticeConfig config = ApprenticeConfig.defaults();
        private @Nullable Supplier<? extends TaskRunner> agentOrTeam;
        private @Nullable EmbeddingFunction embeddings;

        private Builder(ChatCompletionClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The settings (default Python's). */
        public Builder config(ApprenticeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Makes a fresh agent or team for each task, instead of the apprentice's own {@link AssistantAgent}. */
        public Builder agentOrTeam(Supplier<? extends TaskRunner> agentOrTeam) {
            this.agentOrTeam = Objects.requireNonNull(agentOrTeam, "agentOrTeam");
            return this;
        }

        /** The memory bank's embedding function, closed by the caller (default: the one its config names). */
        public Builder embeddingFunction(EmbeddingFunction embeddings) {
            this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
            return this;
        }

        /**
         * The apprentice.
         *
         * @throws IllegalArgumentException for a {@code name_of_agent_or_team} other than {@code AssistantAgent}
         *     without an agent or team given in code
         */
        public Apprentice build() {
            return new Apprentice(this);
        }
    }
}
