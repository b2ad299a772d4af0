package dev.autogen.ext.models.replay;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.ChatCompletionInterceptors;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.ModelCallListenerInterceptor;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.utils.AppendOnlyList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model client that replays scripted responses in order, for deterministic tests of agents and
 * teams. A response is a {@link String} (returned as a {@code stop} result, and streamed word by
 * word) or a full {@link CreateResult} (function calls, thoughts, any finish reason).
 *
 * <p>Usage is counted as Python's replay client does: a token is a whitespace-separated word of
 * message text content (list contents count as zero); a scripted {@link CreateResult} keeps its
 * own completion tokens. {@link #remainingTokens} counts down from 10,000 by total usage.
 *
 * <!-- java-context: import dev.autogen.core.FunctionCall; -->
 * <pre>{@code
 * var client = new ReplayChatCompletionClient(List.of(
 *         CreateResult.ofCalls(List.of(new FunctionCall("1", "{\"city\":\"Paris\"}", "get_weather")), RequestUsage.ZERO),
 *         "It is sunny in Paris. TERMINATE"));
 * CreateResult first = client.create(List.of(new UserMessage("Weather in Paris?", "user")));
 * client.reset();   // replay from the start
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ReplayChatCompletionClient
        implements ChatCompletionClient, Component<ReplayChatCompletionClientConfig> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.models.replay.ReplayChatCompletionClient";
    /** The component type Python writes in component configs. */
    public static final String COMPONENT_TYPE = "replay_chat_completion_client";

    private static final Logger LOG = LoggerFactory.getLogger(ReplayChatCompletionClient.class);
    private static final int TOTAL_AVAILABLE_TOKENS = 10_000;
    /** The provider a trace of its calls names; the model is the model info's family. */
    private static final String TRACE_PROVIDER = "replay";

    private final List<Object> chatCompletions;
    private final ModelInfo modelInfo;
    private static final List<ChatCompletionInterceptor> INTERCEPTORS =
            List.of(ModelCallListenerInterceptor.instance());

    private final ReentrantLock lock = new ReentrantLock();
    private final ChatCompletionInterceptors.Terminal terminal = new ChatCompletionInterceptors.Terminal() {
        @Override
        public CreateResult create(CreateRequest request, ModelCallTrace trace) {
            trace.recordModel(TRACE_PROVIDER, modelInfo.family());
            return replay(request);
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
            trace.recordModel(TRACE_PROVIDER, modelInfo.family());
            return replayStream(request);
        }
    };
    /** How many of the latest requests {@link #createCalls()} keeps. */
    static final int RECORDED_CALLS = 1_000;

    private final ArrayDeque<CreateRequest> createCalls = new ArrayDeque<>();
    /** The messages of the last request whose words were counted, and their count. */
    private List<? extends LLMMessage> countedMessages = List.of();
    private int countedWords;
    private int currentIndex;
    private RequestUsage currentUsage = RequestUsage.ZERO;
    private RequestUsage totalUsage = RequestUsage.ZERO;
    private boolean cachedValue = true;

    /**
     * A client replaying {@code chatCompletions}, each a {@link String} or a {@link CreateResult},
     * reporting an unknown model without vision, function calling or JSON output.
     */
    public ReplayChatCompletionClient(List<?> chatCompletions) {
        this(chatCompletions, null);
    }

    /**
     * A client replaying {@code chatCompletions} and reporting {@code modelInfo} (null for the
     * default).
     *
     * @throws IllegalArgumentException if a response is neither a String nor a CreateResult
     */
    public ReplayChatCompletionClient(List<?> chatCompletions, @Nullable ModelInfo modelInfo) {
        this.chatCompletions = new ReplayChatCompletionClientConfig(new ArrayList<>(chatCompletions), modelInfo).chatCompletions();
        this.modelInfo = modelInfo != null ? modelInfo : ModelInfo.unknown();
    }

    /** A client replaying the given texts. */
    public static ReplayChatCompletionClient of(String... responses) {
        return new ReplayChatCompletionClient(Arrays.asList(responses));
    }

    /** A client from its component config. */
    public static ReplayChatCompletionClient fromConfig(ReplayChatCompletionClientConfig config) {
        return new ReplayChatCompletionClient(config.chatCompletions(), config.modelInfo());
    }

    /** This client's component config: the whole script and the model info. */
    @Override
    public ReplayChatCompletionClientConfig toConfig() {
        return new ReplayChatCompletionClientConfig(chatCompletions, modelInfo);
    }

    @Override
    public ComponentProvider<?, ReplayChatCompletionClientConfig> componentProvider() {
        return new Provider();
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    /**
     * Returns the next scripted response, reported to the run's listener
     * ({@link ModelCallListenerInterceptor}).
     *
     * @throws IllegalStateException "No more mock responses available" when the script is exhausted
     * @throws java.util.concurrent.CancellationException if the request's token is cancelled
     */
    @Override
    public CreateResult create(CreateRequest request) {
        return ChatCompletionInterceptors.create(INTERCEPTORS, request, terminal);
    }

    /**
     * Streams the next scripted response: a text response word by word (words joined by single
     * spaces) then its {@link CreateResult}; a scripted {@link CreateResult} as the only item.
     * The response is consumed when the stream is created; usage is added when it is read to the end.
     * Reported to the run's listener.
     *
     * @throws IllegalStateException "No more mock responses available" when the script is exhausted
     */
    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        return ChatCompletionInterceptors.createStream(INTERCEPTORS, request, terminal);
    }

    private CreateResult replay(CreateRequest request) {
        checkRequest(request);
        lock.lock();
        try {
            Object response = next();
            int promptTokens = promptWords(request.messages());
            CreateResult result;
            if (response instanceof String text) {
                currentUsage = new RequestUsage(promptTokens, wordCount(text));
                result = new CreateResult(FinishReason.STOP, ModelContent.text(text), currentUsage, cachedValue, null, null);
            } else {
                result = (CreateResult) response;
                currentUsage = new RequestUsage(promptTokens, result.usage().completionTokens());
            }
            totalUsage = totalUsage.plus(currentUsage);
            currentIndex++;
            record(request);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private ChatCompletionStream replayStream(CreateRequest request) {
        checkRequest(request);
        List<CreateStreamItem> items = new ArrayList<>();
        RequestUsage usage;
        lock.lock();
        try {
            Object response = next();
            int promptTokens = promptWords(request.messages());
            if (response instanceof String text) {
                List<String> words = words(text);
                usage = new RequestUsage(promptTokens, words.size());
                for (int i = 0; i < words.size(); i++) {
                    items.add(new ChatCompletionChunk(i < words.size() - 1 ? words.get(i) + " " : words.get(i)));
                }
                items.add(new CreateResult(FinishReason.STOP, ModelContent.text(text), usage, cachedValue, null, null));
            } else {
                CreateResult result = (CreateResult) response;
                usage = new RequestUsage(promptTokens, result.usage().completionTokens());
                items.add(result);
            }
            currentUsage = usage;
            currentIndex++;
            record(request);
        } finally {
            lock.unlock();
        }
        var source = items.iterator();
        var token = request.cancellationToken();
        var counted = new java.util.Iterator<CreateStreamItem>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public CreateStreamItem next() {
                if (token != null) {
                    token.throwIfCancelled();
                }
                CreateStreamItem item = source.next();
                if (item instanceof CreateResult) {
                    addToTotal(usage);
                }
                return item;
            }
        };
        return ChatCompletionStream.fromIterator(counted, () -> { });
    }

    private void addToTotal(RequestUsage usage) {
        lock.lock();
        try {
            totalUsage = totalUsage.plus(usage);
        } finally {
            lock.unlock();
        }
    }

    private void checkRequest(CreateRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.cancellationToken() != null) {
            request.cancellationToken().throwIfCancelled();
        }
        if (!request.toolChoice().equals(ToolChoice.AUTO)) {
            LOG.warn("tool_choice parameter specified but is ignored in replay mode");
        }
    }

    private Object next() {
        if (currentIndex >= chatCompletions.size()) {
            throw new IllegalStateException("No more mock responses available (the script had "
                    + chatCompletions.size() + "; call reset() to replay it)");
        }
        return chatCompletions.get(currentIndex);
    }

    private void record(CreateRequest request) {
        if (createCalls.size() == RECORDED_CALLS) {
            createCalls.removeFirst();
        }
        createCalls.addLast(request);
    }

    /**
     * The words of a request's messages. A conversation grows by appending, so when the request starts
     * with the messages last counted, only the new ones are counted.
     */
    private int promptWords(List<? extends LLMMessage> messages) {
        List<? extends LLMMessage> now = AppendOnlyList.immutable(messages);
        int total;
        if (AppendOnlyList.extendsSnapshot(now, countedMessages)
                || now.size() >= countedMessages.size() && startsWith(now, countedMessages)) {
            total = countedWords;
            for (int i = countedMessages.size(); i < now.size(); i++) {
                total += wordCount(now.get(i));
            }
        } else {
            total = 0;
            for (LLMMessage message : now) {
                total += wordCount(message);
            }
        }
        countedMessages = now;
        countedWords = total;
        return total;
    }

    private static boolean startsWith(List<? extends LLMMessage> messages, List<? extends LLMMessage> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            LLMMessage message = messages.get(i);
            if (message != prefix.get(i) && !message.equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** As Python's {@code len(text.split())}: runs of non-whitespace. */
    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static int wordCount(LLMMessage message) {
        String text = switch (message) {
            case SystemMessage s -> s.content();
            case UserMessage u -> u.content() instanceof UserContent.Text t ? t.text() : null;
            case AssistantMessage a -> a.content() instanceof ModelContent.Text t ? t.text() : null;
            case FunctionExecutionResultMessage f -> null;
        };
        if (text == null) {
            LOG.debug("Token count has been done only on string content");
            return 0;
        }
        return wordCount(text);
    }

    @Override
    public RequestUsage actualUsage() {
        lock.lock();
        try {
            return currentUsage;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RequestUsage totalUsage() {
        lock.lock();
        try {
            return totalUsage;
        } finally {
            lock.unlock();
        }
    }

    /** Whitespace-separated words of the messages' text content, as Python's replay client counts. */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int total = 0;
        for (LLMMessage message : messages) {
            total += wordCount(message);
        }
        return total;
    }

    /** 10,000 minus the total usage so far, never below zero. */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        RequestUsage total = totalUsage();
        return Math.max(0, TOTAL_AVAILABLE_TOKENS - total.promptTokens() - total.completionTokens());
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** Sets the {@code cached} flag of results made from text responses (Python's default: true). */
    public void setCachedBoolValue(boolean value) {
        lock.lock();
        try {
            cachedValue = value;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The requests made so far (the latest {@value #RECORDED_CALLS}), oldest first, for tests to inspect
     * what the agent sent.
     */
    public List<CreateRequest> createCalls() {
        lock.lock();
        try {
            return List.copyOf(createCalls);
        } finally {
            lock.unlock();
        }
    }

    /** How many scripted responses have been used. */
    public int currentIndex() {
        lock.lock();
        try {
            return currentIndex;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the script over and clears usage (the recorded calls are kept). */
    public void reset() {
        lock.lock();
        try {
            currentIndex = 0;
            currentUsage = RequestUsage.ZERO;
            totalUsage = RequestUsage.ZERO;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
    }

    /** Loads and dumps {@code autogen_ext.models.replay.ReplayChatCompletionClient} components. */
    public static final class Provider
            extends AbstractComponentProvider<ReplayChatCompletionClient, ReplayChatCompletionClientConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, COMPONENT_TYPE,
                    ReplayChatCompletionClient.class, ReplayChatCompletionClientConfig.class,
                    "A mock chat completion client that replays predefined responses using an index-based approach.");
        }

        @Override
        public ReplayChatCompletionClient fromConfig(ReplayChatCompletionClientConfig config, ComponentContext context) {
            return ReplayChatCompletionClient.fromConfig(config);
        }
    }
}
