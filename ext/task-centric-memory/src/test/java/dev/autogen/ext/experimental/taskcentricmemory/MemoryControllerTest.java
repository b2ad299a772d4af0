package dev.autogen.ext.experimental.taskcentricmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryControllerTest {
    private static final String TASK = "What is 17 * 23?";
    private static final String INSIGHT = "Multiply the tens and the units separately, then add.";

    @TempDir
    Path dir;

    private MemoryModel arithmeticModel() {
        return new MemoryModel()
                .topics("17 * 2", "multiplying two-digit numbers", "mental arithmetic")
                .topics("multiply the tens", "splitting a product into tens and units");
    }

    @Test
    void trainingLearnsAnInsightFromAFailureAndTheInsightHelpsAtTheTest() {
        MemoryModel model = arithmeticModel();
        List<String> tasksGiven = new ArrayList<>();
        TaskAssignmentCallback agent = task -> {
            tasksGiven.add(task);
            String answer = task.contains(INSIGHT) ? "The answer is 391." : "The answer is 381.";
            return new TaskAssignmentCallback.Outcome(answer, "I multiplied quickly. " + answer);
        };
        try (var controller = MemoryController.builder(model.client).reset(true).taskAssignmentCallback(agent)
                .config(MemoryControllerConfig.at(dir.toString()).withTrials(3, 2)).build()) {

            Optional<String> learned = controller.trainOnTask(TASK, "391");

            assertThat(learned).contains(INSIGHT);
            assertThat(tasksGiven.getFirst()).isEqualTo(TASK);
            assertThat(tasksGiven.get(1)).isEqualTo(TASK + "\n\n## Important insights that may help solve tasks like"
                    + " this\n- " + INSIGHT + "\n");
            // the insight made two test trials in a row succeed, and nothing more was asked of the agent
            assertThat(tasksGiven).hasSize(3);
            List<String> teacherPrompt = MemoryModel.parts(model.requestsStartingWith(
                    "# A team of students made a mistake").getFirst().messages().getLast());
            assertThat(teacherPrompt).contains(TASK, "391", "The answer is 381.", "I multiplied quickly. The answer is 381.");
            assertThat(controller.memoryBank().memos().values()).containsExactly(new Memo(TASK, INSIGHT));

            tasksGiven.clear();
            MemoryController.TestResult result = controller.testOnTask(TASK, "391", 2);

            assertThat(result.numSuccesses()).isEqualTo(2);
            assertThat(result.response()).isEqualTo("The answer is 391.");
            assertThat(tasksGiven).allSatisfy(task -> assertThat(task).endsWith("- " + INSIGHT + "\n"));
        }
    }

    @Test
    void aTaskTheAgentAlreadySolvesTeachesNothing() {
        MemoryModel model = arithmeticModel();
        try (var controller = MemoryController.builder(model.client).reset(true)
                .taskAssignmentCallback(task -> new TaskAssignmentCallback.Outcome("391", "391"))
                .config(MemoryControllerConfig.at(dir.toString()).withTrials(3, 3)).build()) {
            assertThat(controller.trainOnTask(TASK, "391")).isEmpty();
            assertThat(controller.memoryBank().containsMemos()).isFalse();
            assertThat(model.requestsStartingWith("# A team of students made a mistake")).isEmpty();
        }
    }

    @Test
    void memosPersistToTheFolderAndReloadInANewController() throws Exception {
        MemoryModel model = colorsModel();
        try (var first = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            first.addMemo("Deep blue is my favorite color", "What color do I like?");
            first.addTaskSolutionPairToMemory("What's my favorite food?", "Halibut");
        }
        assertThat(dir.resolve(MemoryBank.MEMOS_FILE)).exists();
        assertThat(Files.readString(dir.resolve(MemoryBank.MEMOS_FILE))).contains("Deep blue is my favorite color");
        assertThat(dir.resolve(StringSimilarityMap.COLLECTION)).isDirectory();

        try (var second = MemoryController.builder(model.client).config(MemoryControllerConfig.at(dir.toString())).build()) {
            assertThat(second.memoryBank().memos().values()).containsExactly(
                    new Memo("What color do I like?", "Deep blue is my favorite color"),
                    new Memo("What's my favorite food?", "Example task:\n\nWhat's my favorite food?\n\nExample solution:\n\nHalibut"));
            assertThat(second.retrieveRelevantMemos("Which colors do I like most?")).extracting(Memo::insight)
                    .containsExactly("Deep blue is my favorite color");
            second.addMemo("I really like cyan", "What's another color I like?");
            assertThat(second.memoryBank().memos()).containsOnlyKeys("1", "2", "3");
        }

        try (var emptied = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            assertThat(emptied.memoryBank().containsMemos()).isFalse();
            assertThat(emptied.retrieveRelevantMemos("Which colors do I like most?")).isEmpty();
        }
    }

    @Test
    void retrievalReturnsTheMemosOfARelatedTaskAndNoneForAnUnrelatedOne() {
        MemoryModel model = colorsModel();
        try (var controller = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            controller.addMemo("Deep blue is my favorite color", "What color do I like?");
            controller.addMemo("I really like cyan", "What's another color I like?");
            controller.addMemo("Halibut is my favorite", "What's my favorite food?");

            assertThat(controller.retrieveRelevantMemos("Which colors do I like most?")).extracting(Memo::insight)
                    .containsExactlyInAnyOrder("Deep blue is my favorite color", "I really like cyan");
            assertThat(controller.retrieveRelevantMemos("How do I change a flat bicycle tire?")).isEmpty();
            // the model confirmed each memo found by similarity, and was asked about nothing else
            assertThat(model.requestsStartingWith("We have been given a potential insight")).hasSize(2);
        }
    }

    @Test
    void theModelsValidationDropsAMemoItJudgesUseless() {
        MemoryModel model = colorsModel();
        model.validInsight = insight -> !insight.contains("cyan");
        try (var controller = MemoryController.builder(model.client).reset(true)
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            controller.addMemo("Deep blue is my favorite color", "What color do I like?");
            controller.addMemo("I really like cyan", "What's another color I like?");

            assertThat(controller.retrieveRelevantMemos("Which colors do I like most?")).extracting(Memo::insight)
                    .containsExactly("Deep blue is my favorite color");
        }
    }

    @Test
    void aUserMessageWithAdviceIsStoredAndLaterTasksGetIt() {
        MemoryModel model = colorsModel();
        model.adviceRule = text -> text.startsWith("Remember");
        List<String> tasksGiven = new ArrayList<>();
        try (var controller = MemoryController.builder(model.client).reset(true)
                .taskAssignmentCallback(task -> {
                    tasksGiven.add(task);
                    return new TaskAssignmentCallback.Outcome("Noted.", "Noted.");
                })
                .config(MemoryControllerConfig.at(dir.toString())).build()) {
            controller.handleUserMessage("Remember that my favorite color is deep blue.");
            controller.handleUserMessage("Which colors do I like most?");

            assertThat(controller.memoryBank().memos().values()).containsExactly(
                    new Memo(null, "Remember that my favorite color is deep blue."));
            assertThat(tasksGiven).containsExactly("Remember that my favorite color is deep blue.",
                    "Which colors do I like most?\n\n## Important insights that may help solve tasks like this\n"
                            + "- Remember that my favorite color is deep blue.\n");
        }
    }

    @Test
    void taskMethodsWithoutACallbackSayWhatIsMissing() {
        try (var controller = MemoryController.builder(colorsModel().client).config(MemoryControllerConfig.at(dir.toString()))
                .build()) {
            assertThatThrownBy(() -> controller.assignTask("Hi")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no task assignment callback");
        }
    }

    /**
     * Topics for the colors example of Python's README. Squared distances of all-MiniLM-L6-v2 from the
     * query topic "color preferences": "shades of blue" 1.00, "color choices" 0.39, "seafood dishes" 1.82,
     * "cooking fish" 1.85; the bicycle topics are 1.7 or more from every stored topic.
     */
    static MemoryModel colorsModel() {
        return new MemoryModel()
                .topics("deep blue", "color preferences", "shades of blue")
                .topics("cyan", "color choices")
                .topics("favorite food", "seafood dishes", "cooking fish")
                .topics("colors do i like", "color preferences")
                .topics("bicycle", "bicycle repair", "fixing a flat tire");
    }
}
