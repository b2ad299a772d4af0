package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link MemoryController}, with the field names of Python's {@code MemoryControllerConfig}
 * (the memory bank's nested under {@code "MemoryBank"}, as there):
 *
 * <pre>
 * {"generalize_task": true, "revise_generalized_task": true, "generate_topics": true, "validate_memos": true,
 *  "max_memos_to_retrieve": 10, "max_train_trials": 10, "max_test_trials": 3,
 *  "MemoryBank": {"path": "./memory_bank/default"}}
 * </pre>
 *
 * <p>Every field may be left out for Python's default.
 *
 * @param generalizeTask whether tasks are rewritten in more general terms before topics are taken from them
 * @param reviseGeneralizedTask whether the generalized task is critiqued and rewritten once more
 * @param generateTopics whether retrieval goes through topics the model takes from the task (else the task itself)
 * @param validateMemos whether the model confirms each retrieved memo is relevant to the task
 * @param maxMemosToRetrieve the most memos {@link MemoryController#retrieveRelevantMemos} returns
 * @param maxTrainTrials the most learning iterations of {@link MemoryController#trainOnTask}
 * @param maxTestTrials how many attempts a test for failure makes
 * @param memoryBank the memory bank's settings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"generalize_task", "revise_generalized_task", "generate_topics", "validate_memos",
    "max_memos_to_retrieve", "max_train_trials", "max_test_trials", "MemoryBank"})
public record MemoryControllerConfig(
        @Nullable Boolean generalizeTask,
        @Nullable Boolean reviseGeneralizedTask,
        @Nullable Boolean generateTopics,
        @Nullable Boolean validateMemos,
        @Nullable Integer maxMemosToRetrieve,
        @Nullable Integer maxTrainTrials,
        @Nullable Integer maxTestTrials,
        @JsonProperty("MemoryBank") @Nullable MemoryBankConfig memoryBank) {

    /**
     * @throws IllegalArgumentException for a count below 1, naming the field
     */
    public MemoryControllerConfig {
        positive("max_memos_to_retrieve", maxMemosToRetrieve);
        positive("max_train_trials", maxTrainTrials);
        positive("max_test_trials", maxTestTrials);
    }

    /** Every setting at Python's default. */
    public static MemoryControllerConfig defaults() {
        return new MemoryControllerConfig(null, null, null, null, null, null, null, null);
    }

    /** Every setting at Python's default, the memory bank kept at {@code path}. */
    public static MemoryControllerConfig at(String path) {
        return defaults().withMemoryBank(MemoryBankConfig.at(path));
    }

    /** A copy with the memory bank's settings {@code bank}. */
    public MemoryControllerConfig withMemoryBank(MemoryBankConfig bank) {
        return new MemoryControllerConfig(generalizeTask, reviseGeneralizedTask, generateTopics, validateMemos,
                maxMemosToRetrieve, maxTrainTrials, maxTestTrials, bank);
    }

    /** A copy with the trial counts {@code train} and {@code test}. */
    public MemoryControllerConfig withTrials(int train, int test) {
        return new MemoryControllerConfig(generalizeTask, reviseGeneralizedTask, generateTopics, validateMemos,
                maxMemosToRetrieve, train, test, memoryBank);
    }

    /**
     * A copy with the stages of retrieval switched on or off: {@code generalize} (and revise) the task,
     * {@code topics} from the model, model {@code validate}s each memo.
     */
    public MemoryControllerConfig withStages(boolean generalize, boolean revise, boolean topics, boolean validate) {
        return new MemoryControllerConfig(generalize, revise, topics, validate, maxMemosToRetrieve, maxTrainTrials,
                maxTestTrials, memoryBank);
    }

    boolean generalizeTaskOrDefault() {
        return generalizeTask == null || generalizeTask;
    }

    boolean reviseGeneralizedTaskOrDefault() {
        return reviseGeneralizedTask == null || reviseGeneralizedTask;
    }

    boolean generateTopicsOrDefault() {
        return generateTopics == null || generateTopics;
    }

    boolean validateMemosOrDefault() {
        return validateMemos == null || validateMemos;
    }

    int maxMemosToRetrieveOrDefault() {
        return maxMemosToRetrieve == null ? 10 : maxMemosToRetrieve;
    }

    int maxTrainTrialsOrDefault() {
        return maxTrainTrials == null ? 10 : maxTrainTrials;
    }

    int maxTestTrialsOrDefault() {
        return maxTestTrials == null ? 3 : maxTestTrials;
    }

    MemoryBankConfig memoryBankOrDefault() {
        return memoryBank == null ? MemoryBankConfig.defaults() : memoryBank;
    }

    static void positive(String field, @Nullable Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, got " + value);
        }
    }
}
