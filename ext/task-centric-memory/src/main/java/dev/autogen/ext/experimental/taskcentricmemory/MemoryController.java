package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast, memory-based learning (experimental), as Python's {@code MemoryController}: it stores insights
 * (advice, corrections, demonstrations, or lessons from its agent's own failures) as memos in a
 * {@link MemoryBank}, and retrieves those that may help with a new task.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; import java.util.List;
 *      ChatCompletionClient model; -->
 * <pre>{@code
 * try (var memory = MemoryController.builder(model).reset(true)
 *         .config(MemoryControllerConfig.at("./memory_bank/quickstart")).build()) {
 *     memory.addMemo("Deep blue is my favorite color", "What color do I like?");
 *     memory.addMemo("Halibut is my favorite", "What's my favorite food?");
 *     List<Memo> memos = memory.retrieveRelevantMemos("What colors do I like most?");
 * }
 * }</pre>
 *
 * <p>Storing a memo asks the model to generalize the task and to list its topics; each topic is
 * embedded and kept in the memory bank. Retrieval generalizes the new task the same way, finds the
 * memos whose topics are close to its topics, and asks the model to confirm each one is relevant (each
 * stage can be switched off in the {@link MemoryControllerConfig}). With a {@link TaskAssignmentCallback},
 * the controller also assigns tasks to an agent with the relevant insights appended, and
 * {@link #trainOnTask trains} on a task whose answer is known: it looks for a failure, asks the model
 * what went wrong and for advice, retries with the advice, and stores the advice that made the agent
 * succeed. Answers are judged by a {@link Grader}.
 *
 * <p>Progress is logged through SLF4J (logger names under {@code dev.autogen.ext.experimental.taskcentricmemory};
 * every model exchange at DEBUG) where Python writes the HTML pages of its {@code PageLogger}.
 * Thread-safe; model exchanges run one at a time. Close to release the memory bank's folder.
 */
public final class MemoryController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryController.class);
    /** The heading of the insights appended to a task, as Python's. */
    static final String MEMORY_SECTION_HEADING = "## Important insights that may help solve tasks like this\n";

    private final ChatCompletionClient client;
    private final @Nullable TaskAssignmentCallback taskAssignmentCallback;
    private final MemoryControllerConfig config;
    private final boolean reset;
    private final Prompter prompter;
    private final Grader grader;
    private final MemoryBank memoryBank;

    private MemoryController(Builder b) {
        this.client = b.client;
        this.taskAssignmentCallback = b.taskAssignmentCallback;
        this.config = b.config;
        this.reset = b.reset;
        this.prompter = new Prompter(client);
        this.grader = new Grader(client);
        MemoryBankConfig bankConfig = config.memoryBankOrDefault();
        this.memoryBank = b.embeddings != null ? MemoryBank.open(reset, bankConfig, b.embeddings)
                : MemoryBank.open(reset, bankConfig, b.environment);
    }

    /** A builder of a controller that calls {@code client}. */
    public static Builder builder(ChatCompletionClient client) {
        return new Builder(client);
    }

    /** The model client the controller calls. */
    public ChatCompletionClient client() {
        return client;
    }

    /** The settings the controller was built with. */
    public MemoryControllerConfig config() {
        return config;
    }

    /** Whether the memory bank was emptied at the start. */
    public boolean resetAtStart() {
        return reset;
    }

    /** The memory bank. */
    public MemoryBank memoryBank() {
        return memoryBank;
    }

    /** The grader the controller judges answers with. */
    public Grader grader() {
        return grader;
    }

    /** Empties the memory bank, on disk too. */
    public void resetMemory() {
        memoryBank.reset();
    }

    /**
     * Assigns {@code task} repeatedly and learns from failures: an insight that turned a failure into a
     * success is stored as a memo.
     *
     * @return the insight stored, if any
     * @throws IllegalStateException without a task assignment callback
     */
    public Optional<String> trainOnTask(String task, String expectedAnswer) {
        LOG.info("Iterate on the task, possibly discovering a useful new insight");
        Optional<String> insight = iterateOnTask(task, expectedAnswer);
        if (insight.isEmpty()) {
            LOG.info("No useful insight was discovered");
        } else {
            LOG.info("A new insight was created: {}", insight.get());
            addMemo(insight.get(), task);
        }
        return insight;
    }

    /**
     * The result of {@link #testOnTask}.
     *
     * @param response the last response
     * @param numSuccesses the correct responses
     * @param numTrials the attempts
     */
    public record TestResult(String response, int numSuccesses, int numTrials) {
    }

    /**
     * Assigns {@code task} {@code numTrials} times, each time with the relevant memos appended, and
     * grades each response against {@code expectedAnswer}.
     *
     * @throws IllegalStateException without a task assignment callback
     * @throws IllegalArgumentException if {@code numTrials} is below 1
     */
    public TestResult testOnTask(String task, String expectedAnswer, int numTrials) {
        if (numTrials < 1) {
            throw new IllegalArgumentException("numTrials must be at least 1, got " + numTrials);
        }
        TaskAssignmentCallback callback = callback();
        String response = "";
        int successes = 0;
        for (int trial = 1; trial <= numTrials; trial++) {
            LOG.info("Test trial {}", trial);
            String taskPlusInsights = appendRelevantMemories(task);
            response = callback.assign(taskPlusInsights).response();
            Grader.Grade grade = grader.isResponseCorrect(task, response, expectedAnswer);
            LOG.info("Answer is {}", grade.correct() ? "CORRECT" : "INCORRECT");
            if (grade.correct()) {
                successes++;
            }
        }
        LOG.info("Success rate: {}%", Math.round(100.0 * successes / numTrials));
        return new TestResult(response, successes, numTrials);
    }

    /** {@link #addMemo(String, String, boolean)} without a task. */
    public void addMemo(String insight) {
        addMemo(insight, null, true);
    }

    /** {@link #addMemo(String, String, boolean)} indexed on both task and insight. */
    public void addMemo(String insight, @Nullable String task) {
        addMemo(insight, task, true);
    }

    /**
     * Stores {@code insight}, learned from {@code task} if not null. The memo is indexed by the topics
     * of the insight alone (no task), of the generalized task with the insight as a hint
     * ({@code indexOnBoth}), or of the task alone.
     */
    public void addMemo(String insight, @Nullable String task, boolean indexOnBoth) {
        String textToIndex;
        if (task == null) {
            textToIndex = insight;
        } else if (indexOnBoth) {
            textToIndex = generalize(task).strip() + "\n(Hint:  " + insight + ")";
        } else {
            textToIndex = task;
        }
        List<String> topics = topics(textToIndex);
        LOG.info("Insight: {}\nTopics:\n{}", insight, String.join("\n", topics));
        memoryBank.addMemo(insight, topics, task);
    }

    /**
     * Stores a task with its solution as one memo, indexed by the task's topics: a demonstration for
     * solving similar tasks.
     */
    public void addTaskSolutionPairToMemory(String task, String solution) {
        List<String> topics = topics(task.strip());
        LOG.info("Example task: {}\nTopics:\n{}", task, String.join("\n", topics));
        memoryBank.addTaskWithSolution(task, solution, topics);
    }

    /**
     * The memos that seem relevant to {@code task} (at most {@code max_memos_to_retrieve}), most
     * relevant first: found through the topics of the generalized task, then each confirmed by the model.
     */
    public List<Memo> retrieveRelevantMemos(String task) {
        if (!memoryBank.containsMemos()) {
            LOG.info("The memory bank is empty; no memos to retrieve");
            return List.of();
        }
        List<String> taskTopics = topics(generalize(task));
        LOG.info("Current task: {}\nTopics:\n{}", task, String.join("\n", taskTopics));
        List<Memo> validated = new ArrayList<>();
        for (Memo memo : memoryBank.getRelevantMemos(taskTopics)) {
            if (validated.size() >= config.maxMemosToRetrieveOrDefault()) {
                break;
            }
            if (!config.validateMemosOrDefault() || prompter.validateInsight(memo.insight(), task)) {
                validated.add(memo);
            }
        }
        LOG.info("{} validated memo(s){}", validated.size(), validated.stream().map(m -> "\n  insight: " + m.insight())
                .reduce("", String::concat));
        return validated;
    }

    /**
     * Gives {@code task} to the agent through the task assignment callback, with the relevant memos
     * appended, and returns its response.
     *
     * @throws IllegalStateException without a task assignment callback
     */
    public String assignTask(String task) {
        return assignTask(task, true);
    }

    /** {@link #assignTask(String)}, consulting memory only if {@code useMemory}. */
    public String assignTask(String task, boolean useMemory) {
        TaskAssignmentCallback callback = callback();
        String withMemories = useMemory ? appendRelevantMemories(task) : task;
        LOG.info("Try to solve the task");
        return callback.assign(withMemories).response();
    }

    /**
     * Stores the advice the model finds in {@code text}, if any.
     *
     * @return the advice stored
     */
    public Optional<String> considerMemoStorage(String text) {
        Optional<String> advice = prompter.extractAdvice(text);
        LOG.info("Advice: {}", advice.orElse("None"));
        advice.ifPresent(this::addMemo);
        return advice;
    }

    /**
     * Handles a user message: stores any advice it holds, then assigns it as a task, consulting memory
     * only when the message held no advice.
     *
     * @throws IllegalStateException without a task assignment callback
     */
    public String handleUserMessage(String text) {
        callback();
        Optional<String> advice = considerMemoStorage(text);
        return assignTask(text, advice.isEmpty());
    }

    /** Closes the memory bank. Idempotent. */
    @Override
    public void close() {
        memoryBank.close();
    }

    private String generalize(String task) {
        return config.generalizeTaskOrDefault() ? prompter.generalizeTask(task, config.reviseGeneralizedTaskOrDefault())
                : task;
    }

    private List<String> topics(String text) {
        return config.generateTopicsOrDefault() ? prompter.findIndexTopics(text) : List.of(text);
    }

    private String appendRelevantMemories(String task) {
        List<String> insights = retrieveRelevantMemos(task).stream().map(Memo::insight).toList();
        return insights.isEmpty() ? task : task + "\n\n" + formatMemorySection(insights);
    }

    static String formatMemorySection(List<String> insights) {
        if (insights.isEmpty()) {
            return "";
        }
        var section = new StringBuilder(MEMORY_SECTION_HEADING);
        insights.forEach(insight -> section.append("- ").append(insight).append('\n'));
        return section.toString();
    }

    private TaskAssignmentCallback callback() {
        if (taskAssignmentCallback == null) {
            throw new IllegalStateException("this memory controller has no task assignment callback to give tasks to"
                    + " an agent; set one with MemoryController.builder(...).taskAssignmentCallback(...)");
        }
        return taskAssignmentCallback;
    }

    /** The outcome of a test for failure. */
    private record Attempt(boolean failureFound, String response, String workHistory) {
    }

    private Attempt testForFailure(String task, String taskPlusInsights, String expectedAnswer) {
        TaskAssignmentCallback callback = callback();
        String response = "";
        String workHistory = "";
        for (int trial = 1; trial <= config.maxTestTrialsOrDefault(); trial++) {
            LOG.info("Test-for-failure trial {}", trial);
            TaskAssignmentCallback.Outcome outcome = callback.assign(taskPlusInsights);
            response = outcome.response();
            workHistory = outcome.workHistory();
            Grader.Grade grade = grader.isResponseCorrect(task, response, expectedAnswer);
            if (!grade.correct()) {
                LOG.info("Answer is INCORRECT; stop testing and learn from the failure");
                return new Attempt(true, response, workHistory);
            }
            LOG.info("Answer is CORRECT");
        }
        return new Attempt(false, response, workHistory);
    }

    private Optional<String> iterateOnTask(String task, String expectedAnswer) {
        callback();
        List<String> oldInsights = retrieveRelevantMemos(task).stream().map(Memo::insight).toList();
        String lastInsight = null;
        int maxTrials = config.maxTrainTrialsOrDefault();
        for (int trial = 1; trial <= maxTrials; trial++) {
            LOG.info("Train trial {}", trial);
            List<String> insights = new ArrayList<>(oldInsights);
            if (lastInsight != null) {
                insights.add(lastInsight);
            }
            String memorySection = formatMemorySection(insights);
            String taskPlusInsights = memorySection.isEmpty() ? task : task + "\n\n" + memorySection;
            Attempt attempt = testForFailure(task, taskPlusInsights, expectedAnswer);
            if (!attempt.failureFound()) {
                LOG.info("Response is CORRECT; stop looking for insights");
                return trial == 1 ? Optional.empty() : Optional.ofNullable(lastInsight);
            }
            if (trial == maxTrials) {
                LOG.info("No more trials will be attempted");
                break;
            }
            LOG.info("Response is INCORRECT; try to learn from this failure");
            lastInsight = prompter.learnFromFailure(task, memorySection, attempt.response(), expectedAnswer,
                    attempt.workHistory());
            LOG.info("Insight: {}", lastInsight);
        }
        return Optional.empty();
    }

    /** Builds a {@link MemoryController}. */
    public static final class Builder {
        private final ChatCompletionClient client;
        private boolean reset;
        private @Nullable TaskAssignmentCallback taskAssignmentCallback;
        private MemoryControllerConfig config = MemoryControllerConfig.defaults();
        private @Nullable EmbeddingFunction embeddings;
        private Map<String, String> environment = System.getenv();

        private Builder(ChatCompletionClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Whether the memory bank is emptied at the start (default false: what is on disk is kept). */
        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        /** How tasks reach the agent; needed by the task methods ({@link #assignTask}, training, testing). */
        public Builder taskAssignmentCallback(TaskAssignmentCallback callback) {
            this.taskAssignmentCallback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** The settings (default Python's, the memory bank at {@value MemoryBankConfig#DEFAULT_PATH}). */
        public Builder config(MemoryControllerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The embedding function of the memory bank's topics, closed by the caller; by default the one the
         * memory bank config names (all-MiniLM-L6-v2 in process when it names none).
         */
        public Builder embeddingFunction(EmbeddingFunction embeddings) {
            this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
            return this;
        }

        /** Where API keys of the configured embedding function are read (default the process environment). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * The controller; its memory bank's folder is opened at the first use.
         *
         * @throws IllegalArgumentException if the configured embedding function cannot be made
         */
        public MemoryController build() {
            return new MemoryController(this);
        }
    }
}
