package dev.autogen.ext.models.replay;

import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A model client whose answers a function computes from each request, for tests where the right answer
 * depends on what the model is shown (the id of a button on a page, which agent is asking). The function
 * returns a {@link String} (a text answer) or a {@link CreateResult} (function calls, any finish reason).
 * Where the answers do not depend on the request, {@link ReplayChatCompletionClient} is simpler.
 *
 * <pre>{@code
 * var model = new ScriptedChatCompletionClient(ModelInfo.toolCalling(), request ->
 *         ScriptedChatCompletionClient.lastText(request).contains("weather") ? "Sunny." : "I don't know.");
 * }</pre>
 *
 * <p>Usage counts words, as the replay client does. Thread-safe; calls are answered one at a time.
 */
public final class ScriptedChatCompletionClient implements ChatCompletionClient {
    private static final int CONTEXT_WINDOW = 128_000;

    private final ModelInfo modelInfo;
    private final Function<CreateRequest, Object> script;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<CreateRequest> requests = new ArrayList<>();
    private RequestUsage current = RequestUsage.ZERO;
    private RequestUsage total = RequestUsage.ZERO;

    /** A client with {@code modelInfo} answering each request with {@code script}'s result. */
    public ScriptedChatCompletionClient(ModelInfo modelInfo, Function<CreateRequest, Object> script) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Answers with the script's result.
     *
     * @throws IllegalStateException if the script returns something other than a String or a CreateResult
     */
    @Override
    public CreateResult create(CreateRequest request) {
        request.cancellationTokenOrNew().throwIfCancelled();
        lock.lock();
        try {
            requests.add(request);
            Object answer = script.apply(request);
            int prompt = countTokens(request.messages(), request.tools());
            CreateResult result;
            if (answer instanceof String text) {
                current = new RequestUsage(prompt, words(text));
                result = new CreateResult(FinishReason.STOP, new ModelContent.Text(text), current, false, null, null);
            } else if (answer instanceof CreateResult scripted) {
                current = new RequestUsage(prompt, scripted.usage().completionTokens());
                result = scripted.withUsage(current);
            } else {
                throw new IllegalStateException("the script answered request " + requests.size() + " with "
                        + (answer == null ? "null" : answer.getClass().getSimpleName())
                        + "; it must return a String or a CreateResult");
            }
            total = total.plus(current);
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The answer of {@link #create} as a one-item stream. */
    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        Iterator<CreateResult> one = List.of(create(request)).iterator();
        return ChatCompletionStream.fromIterator(one, () -> {
        });
    }

    /** Every request so far, oldest first. */
    public List<CreateRequest> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /** The text of the last message of {@code request} (images left out), for scripts to match on. */
    public static String lastText(CreateRequest request) {
        List<LLMMessage> messages = request.messages();
        return messages.isEmpty() ? "" : text(messages.get(messages.size() - 1));
    }

    /** The text of all messages of {@code request} (images left out), joined by newlines. */
    public static String allText(CreateRequest request) {
        var sb = new StringBuilder();
        for (LLMMessage message : request.messages()) {
            sb.append(text(message)).append('\n');
        }
        return sb.toString();
    }

    private static String text(LLMMessage message) {
        return switch (message) {
            case UserMessage user -> user.content() instanceof UserContent.Multi multi
                    ? String.join("\n", multi.parts().stream().filter(String.class::isInstance).map(String.class::cast).toList())
                    : user.content().toText();
            case SystemMessage system -> system.content();
            case AssistantMessage assistant -> assistant.content() instanceof ModelContent.Text t ? t.text() : "";
            default -> "";
        };
    }

    @Override
    public RequestUsage actualUsage() {
        return current;
    }

    @Override
    public RequestUsage totalUsage() {
        return total;
    }

    /** Whitespace-separated words of the messages' text. */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int count = 0;
        for (LLMMessage message : messages) {
            count += words(text(message));
        }
        return count;
    }

    /** A 128,000-token window less the messages' words. */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return Math.max(0, CONTEXT_WINDOW - countTokens(messages, tools));
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /**
     * A scripted client has no config: its script is code.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("a scripted model client cannot be written as a component config; "
                + "use ReplayChatCompletionClient where a config is needed");
    }

    @Override
    public void close() {
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
