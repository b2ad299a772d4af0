package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.models.ChatCompletionClient;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges answers with the model rather than by string matching, as Python's {@code Grader}: the model
 * first extracts the answer from a response, then says whether it is equivalent to the correct one.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * var grader = new Grader(model);
 * Grader.Grade grade = grader.isResponseCorrect("What is the capital of France?", "It is Paris.", "Paris, France");
 * }</pre>
 *
 * <p>Thread-safe; one grading runs at a time.
 */
public final class Grader {
    private static final Logger LOG = LoggerFactory.getLogger(Grader.class);
    private static final String SYSTEM = "You are a helpful and thoughtful assistant.";

    private final ModelConversation conversation;
    private final ReentrantLock lock = new ReentrantLock();

    /** A grader that asks {@code client}. */
    public Grader(ChatCompletionClient client) {
        this.conversation = new ModelConversation(client, LOG);
    }

    /**
     * A verdict.
     *
     * @param correct whether the answer is equivalent to the correct one
     * @param extractedAnswer the answer the model found in the response ({@code None} if none)
     */
    public record Grade(boolean correct, String extractedAnswer) {
    }

    /**
     * How many of several attempts succeeded.
     *
     * @param successes the correct answers
     * @param trials the attempts
     */
    public record Score(int successes, int trials) {
        /** The share of correct answers, in percent, rounded. */
        public long successRatePercent() {
            return trials == 0 ? 0 : Math.round(100.0 * successes / trials);
        }
    }

    /** Whether {@code response} answers {@code taskDescription} as {@code correctAnswer} does. */
    public Grade isResponseCorrect(String taskDescription, String response, String correctAnswer) {
        lock.lock();
        try {
            conversation.clear();
            String extracted = conversation.call("Ask the model to extract the answer", SYSTEM, List.of("""
                    Your job is to extract a possible answer to the following question from the given text.
                    - First review the following task.
                    - Then review the text that follows, which may an answer, plus reasoning that led to the answer.
                    - Do not attempt to actually solve the task yourself.
                    - Don't try to judge whether the reasoning steps were correct.
                    - Simply respond by summarizing the answer described in the text, omitting any other parts of the text.
                    - If no answer is present can be extracted from the text, simply reply "None".""",
                    "\n# Task description", taskDescription, "\n# Text that may contain an answer", response));
            conversation.clear();
            String decision = conversation.call("Ask the model to check the answer for correctness", SYSTEM, List.of("""
                    Your job is to decide whether a given answer to a task is correct or not.
                    - You will be given the task description and the correct, gold-standard answer, along with the answer to be graded.
                    - In general, an answer is correct if it is equivalent to the correct answer.
                    - Specifically, the given answer must contain the important information from the correct answer, and must not in any way contradict the correct answer.
                    - Ignore any differences of grammar, spelling mistakes, punctuation, capitalization, formatting, or extra commentary.
                    - An answer should be considered correct if it omits information that is clearly inferred.
                      - For instance, if the correct answer is "Paris, France", the answer "Paris" should be considered correct.
                    - Respond with a single character: '1' if the answer to be graded is correct", '0' if not.""",
                    "\n# Task description", taskDescription, "\n# Correct answer", correctAnswer,
                    "\n# Answer to be graded", extracted));
            LOG.info("Extracted answer: {}; decision: {}", extracted, decision);
            return new Grade(decision.equals("1"), extracted);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives {@code taskDescription} to {@code apprentice} {@code numTrials} times (with or without its
     * memory) and grades each response against {@code expectedAnswer}.
     */
    public Score testApprentice(Apprentice apprentice, String taskDescription, String expectedAnswer, int numTrials,
            boolean useMemory) {
        int successes = 0;
        for (int trial = 1; trial <= numTrials; trial++) {
            String response = apprentice.assignTask(taskDescription, useMemory);
            Grade grade = isResponseCorrect(taskDescription, response, expectedAnswer);
            LOG.info("Trial {}: answer is {}", trial, grade.correct() ? "CORRECT" : "INCORRECT");
            if (grade.correct()) {
                successes++;
            }
        }
        Score score = new Score(successes, numTrials);
        LOG.info("Success rate: {}%", score.successRatePercent());
        return score;
    }
}
