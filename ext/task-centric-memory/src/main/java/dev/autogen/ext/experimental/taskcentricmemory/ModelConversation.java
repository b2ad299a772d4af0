package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * A short exchange with the model that keeps its turns, as Python's {@code Prompter.call_model} and
 * {@code Grader.call_model}: each call sends the system message, the turns kept so far and a new user
 * message of text parts. Not thread-safe: its users hold a lock around each exchange.
 */
final class ModelConversation {
    private static final String SOURCE = "User";

    private final ChatCompletionClient client;
    private final Logger log;
    private final List<LLMMessage> history = new ArrayList<>();
    private int calls;

    ModelConversation(ChatCompletionClient client, Logger log) {
        this.client = Objects.requireNonNull(client, "client");
        this.log = log;
    }

    ChatCompletionClient client() {
        return client;
    }

    /** The number of model calls made so far. */
    int calls() {
        return calls;
    }

    /** Forgets the turns kept so far. */
    void clear() {
        history.clear();
    }

    /**
     * Sends {@code parts} (each a part of one user message) after the system message and the kept turns,
     * keeps this turn, and returns the model's text.
     *
     * @throws IllegalStateException if the model answers with function calls instead of text
     */
    String call(String summary, String systemMessage, List<String> parts) {
        UserMessage user = parts.size() == 1 ? new UserMessage(parts.getFirst(), SOURCE)
                : new UserMessage(new UserContent.Multi(List.copyOf(parts)), SOURCE);
        List<LLMMessage> input = new ArrayList<>();
        input.add(systemMessage(client, systemMessage));
        input.addAll(history);
        input.add(user);
        CreateResult result = client.create(input);
        calls++;
        if (!(result.content() instanceof ModelContent.Text text)) {
            throw new IllegalStateException("the model answered '" + summary + "' with function calls; a text answer"
                    + " was expected");
        }
        log.debug("{}\n----- model input (last message) -----\n{}\n----- model response -----\n{}", summary,
                user.content().toText(), text.text());
        history.add(user);
        history.add(new AssistantMessage(text.text(), "Assistant"));
        return text.text();
    }

    /** The system message, or for o1 models (which take none) the same text as a user message. */
    static LLMMessage systemMessage(ChatCompletionClient client, String content) {
        return ModelFamily.O1.equals(client.modelInfo().family()) ? new UserMessage(content, SOURCE)
                : new SystemMessage(content);
    }
}
