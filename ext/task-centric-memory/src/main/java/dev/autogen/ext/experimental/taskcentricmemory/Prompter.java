package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.models.ChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompts the {@link MemoryController} sends to the model, worded as Python's {@code Prompter}:
 * learn from a failure, find index topics, generalize a task, validate an insight, extract a task or
 * advice. Each prompt starts a fresh exchange; one runs at a time.
 */
final class Prompter {
    private static final Logger LOG = LoggerFactory.getLogger(Prompter.class);
    private static final String THOUGHTFUL = "You are a helpful and thoughtful assistant.";

    private final ModelConversation conversation;
    private final ReentrantLock lock = new ReentrantLock();

    Prompter(ChatCompletionClient client) {
        this.conversation = new ModelConversation(client, LOG);
    }

    /** An insight that may help avoid the failure {@code finalResponse} (instead of {@code expectedAnswer}). */
    String learnFromFailure(String taskDescription, String memorySection, String finalResponse, String expectedAnswer,
            String workHistory) {
        String system = """
                - You are a patient and thorough teacher.
                - Your job is to review work done by students and help them learn how to do better.""";
        List<String> parts = new ArrayList<>();
        parts.add("# A team of students made a mistake on the following task:\n");
        parts.add(taskDescription);
        if (!memorySection.isEmpty()) {
            parts.add(memorySection);
        }
        parts.add("# Here's the expected answer, which would have been correct:\n");
        parts.add(expectedAnswer);
        parts.add("# Here is the students' answer, which was INCORRECT:\n");
        parts.add(finalResponse);
        parts.add("# Please review the students' work which follows:\n");
        parts.add("**-----  START OF STUDENTS' WORK  -----**\n\n");
        parts.add(workHistory);
        parts.add("\n**-----  END OF STUDENTS' WORK  -----**\n\n");
        parts.add("# Now carefully review the students' work above, explaining in detail what the students did right"
                + " and what they did wrong.\n");
        lock.lock();
        try {
            conversation.clear();
            conversation.call("Ask the model to learn from this failure", system, parts);
            conversation.call("Ask the model to state the misconception", system, List.of(
                    "Now put yourself in the mind of the students. What misconception led them to their incorrect answer?"));
            return conversation.call("Ask the model to formulate a concise insight", system, List.of(
                    "Please express your key insights in the form of short, general advice that will be given to the"
                            + " students. Just one or two sentences, or they won't bother to read it."));
        } finally {
            lock.unlock();
        }
    }

    /** The task-completion topics of {@code text}, one per non-empty line of the model's answer. */
    List<String> findIndexTopics(String text) {
        String system = "You are an expert at semantic analysis.";
        List<String> parts = List.of("""
                - My job is to create a thorough index for a book called Task Completion, and I need your help.
                - Every paragraph in the book needs to be indexed by all the topics related to various kinds of tasks and strategies for completing them.
                - Your job is to read the text below and extract the task-completion topics that are covered.
                - The number of topics depends on the length and content of the text. But you should list at least one topic, and potentially many more.
                - Each topic you list should be a meaningful phrase composed of a few words. Don't use whole sentences as topics.
                - Don't include details that are unrelated to the general nature of the task, or a potential strategy for completing tasks.
                - List each topic on a separate line, without any extra text like numbering, or bullets, or any other formatting, because we don't want those things in the index of the book.

                """,
                "# Text to be indexed\n", text);
        String topics = ask("Ask the model to extract topics", system, parts);
        return topics.lines().filter(line -> !line.isEmpty()).toList();
    }

    /** {@code taskDescription} rephrased in simpler, more general terms (then critiqued and revised if {@code revise}). */
    String generalizeTask(String taskDescription, boolean revise) {
        List<String> parts = List.of("We have been given a task description. Our job is not to complete the task, but"
                + " merely rephrase the task in simpler, more general terms, if possible. Please reach through the"
                + " following task description, then explain your understanding of the task in detail, as a single,"
                + " flat list of all the important points.", "\n# Task description", taskDescription);
        lock.lock();
        try {
            conversation.clear();
            String generalized = conversation.call("Ask the model to rephrase the task in a list of important points",
                    THOUGHTFUL, parts);
            if (revise) {
                conversation.call("Ask the model to identify irrelevant points", THOUGHTFUL, List.of(
                        "Do you see any parts of this list that are irrelevant to actually solving the task? If so,"
                                + " explain which items are irrelevant."));
                generalized = conversation.call("Ask the model to make a final list of general terms", THOUGHTFUL,
                        List.of("Revise your original list to include only the most general terms, those that are"
                                + " critical to solving the task, removing any themes or descriptions that are not"
                                + " essential to the solution. Your final list may be shorter, but do not leave out any"
                                + " part of the task that is needed for solving the task. Do not add any additional"
                                + " commentary either before or after the list."));
            }
            return generalized;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the model judges that {@code insight} may help solve the task (it answers exactly {@code 1}). */
    boolean validateInsight(String insight, String taskDescription) {
        List<String> parts = List.of("""
                We have been given a potential insight that may or may not be useful for solving a given task.
                - First review the following task.
                - Then review the insight that follows, and consider whether it might help solve the given task.
                - Do not attempt to actually solve the task.
                - Reply with a single character, '1' if the insight may be useful, or '0' if it is not.""",
                "\n# Task description", taskDescription, "\n# Possibly useful insight", insight);
        return ask("Ask the model to validate the insight", THOUGHTFUL, parts).equals("1");
    }

    /** The question or task in {@code text}, if the model finds one. */
    Optional<String> extractTask(String text) {
        List<String> parts = List.of("""
                Does the following text contain a question or a some task we are being asked to perform?
                - If so, please reply with the full question or task description, along with any supporting information, but without adding extra commentary or formatting.
                - If the task is just to remember something, that doesn't count as a task, so don't include it.
                - If there is no question or task in the text, simply write "None" with no punctuation.""",
                "\n# Text to analyze", text);
        return noneAsEmpty(ask("Ask the model to extract a task", THOUGHTFUL, parts));
    }

    /** The information or advice in {@code text} worth remembering, if the model finds any. */
    Optional<String> extractAdvice(String text) {
        List<String> parts = List.of("""
                Does the following text contain any information or advice that might be useful later?
                - If so, please copy the information or advice, adding no extra commentary or formatting.
                - If there is no potentially useful information or advice at all, simply write "None" with no punctuation.""",
                "\n# Text to analyze", text);
        return noneAsEmpty(ask("Ask the model to extract advice", THOUGHTFUL, parts));
    }

    private String ask(String summary, String system, List<String> parts) {
        lock.lock();
        try {
            conversation.clear();
            return conversation.call(summary, system, parts);
        } finally {
            lock.unlock();
        }
    }

    private static Optional<String> noneAsEmpty(@Nullable String answer) {
        return answer == null || answer.equals("None") ? Optional.empty() : Optional.of(answer);
    }
}
