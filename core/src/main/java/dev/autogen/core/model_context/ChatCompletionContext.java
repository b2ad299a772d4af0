package dev.autogen.core.model_context;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.AppendOnlyList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The message history an agent keeps for its model, and the view of it sent on each call. The
 * history holds every message added; {@link #getMessages()} decides which of them the model sees.
 * Subclass and implement {@link #getMessages()} for a view of your own, e.g. one that drops the
 * {@code thought} of a reasoning model's messages:
 *
 * <!-- java-context: import dev.autogen.core.models.AssistantMessage; -->
 * <pre>{@code
 * class ReasoningModelContext extends UnboundedChatCompletionContext {
 *     @Override
 *     public List<LLMMessage> getMessages() {
 *         return super.getMessages().stream()
 *                 .map(m -> m instanceof AssistantMessage a ? new AssistantMessage(a.content(), null, a.source()) : m)
 *                 .toList();
 *     }
 * }
 * }</pre>
 *
 * <p>Initial messages preload the history; {@link #clear()} (called when the owning agent is
 * reset) removes them along with everything else. Thread-safe.
 *
 * <p>Contexts are components ({@code component_type} {@code chat_completion_context}); a direct
 * subclass implements {@link dev.autogen.core.component.Component} to be dumpable and loadable.
 */
public abstract class ChatCompletionContext implements ComponentBase {
    private static final TypeReference<Map<String, Object>> STATE_MAP = new TypeReference<>() {
    };

    private final @Nullable List<LLMMessage> initialMessages;
    /** The history; its monitor guards it (held only for a list operation, never while blocking). */
    private final AppendOnlyList<LLMMessage> messages = new AppendOnlyList<>();

    /**
     * @param initialMessages messages the history starts with, or {@code null} for none
     */
    protected ChatCompletionContext(@Nullable List<? extends LLMMessage> initialMessages) {
        this.initialMessages = initialMessages == null ? null : List.copyOf(initialMessages);
        if (initialMessages != null) {
            messages.addAll(initialMessages);
        }
    }

    /** Appends a message to the history. */
    public void addMessage(LLMMessage message) {
        Objects.requireNonNull(message, "message");
        synchronized (messages) {
            messages.add(message);
        }
    }

    /** The messages to send to the model: this context's view of the history. Unmodifiable. */
    public abstract List<LLMMessage> getMessages();

    /** Empties the history, initial messages included. */
    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }

    /**
     * The history as Python's {@code save_state()} writes it: {@code {"messages": [...]}}, plain
     * maps and lists ready for JSON.
     */
    public Map<String, Object> saveState() {
        return AutogenJson.mapper().convertValue(stateValue(), STATE_MAP);
    }

    /**
     * The history as a value that JSON serialization writes exactly as {@link #saveState()}'s map, without
     * building the map: what durable teams write in their checkpoints. A subclass with state of its own
     * overrides this (and {@link #loadState}); {@link #saveState()} follows it.
     */
    public Object stateValue() {
        return new ChatCompletionContextState(history());
    }

    /**
     * Replaces the history with a saved one, as written by {@link #saveState()} here or in Python.
     *
     * @throws IllegalArgumentException if the state is not a {@code {"messages": [...]}} object of
     *     known message types; the message says what was wrong
     */
    public void loadState(Map<String, ?> state) {
        Objects.requireNonNull(state, "state");
        ChatCompletionContextState loaded;
        try {
            loaded = AutogenJson.mapper().convertValue(state, ChatCompletionContextState.class);
        } catch (IllegalArgumentException e) {
            String detail = e.getMessage();
            if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
                String path = dev.autogen.core.serialization.JsonErrors.path(mapping.getPath());
                detail = (path.isEmpty() ? "" : path.substring(1) + ": ") + dev.autogen.core.serialization.JsonErrors.message(mapping);
            }
            throw new IllegalArgumentException("llm_context: invalid chat completion context state (expected {\"messages\": "
                    + "[...]} of SystemMessage, UserMessage, AssistantMessage, FunctionExecutionResultMessage): "
                    + detail, e);
        }
        synchronized (messages) {
            messages.clear();
            messages.addAll(loaded.messages());
        }
    }

    /** The initial messages given at construction, as configs write them. */
    public Optional<List<LLMMessage>> initialMessages() {
        return Optional.ofNullable(initialMessages);
    }

    /**
     * A snapshot of the whole history, oldest first, for {@link #getMessages()} to build its view from;
     * immutable and taken in constant time.
     */
    protected final List<LLMMessage> history() {
        synchronized (messages) {
            return messages.snapshot();
        }
    }

    /** The nullable form of {@link #initialMessages()}, for config records. */
    final @Nullable List<LLMMessage> initialMessagesOrNull() {
        return initialMessages;
    }
}
