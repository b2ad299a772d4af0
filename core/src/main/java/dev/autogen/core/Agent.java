package dev.autogen.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An actor: it has an id, handles the messages the runtime delivers to it one at a time, and can
 * save and restore its state. Most agents extend {@link RoutedAgent}, whose annotated methods
 * handle each message type; {@link BaseAgent} is the base for agents that dispatch themselves.
 */
public interface Agent {
    /** The agent's id, known once the runtime has bound it. */
    AgentId id();

    /** The agent's type, key and description. */
    AgentMetadata metadata();

    /**
     * Binds the agent to its id and runtime. Called by the runtime when it registers an instance
     * created outside a factory; agents created by a factory are bound by their constructor.
     *
     * @throws IllegalStateException if already bound to another id or runtime
     */
    void bindIdAndRuntime(AgentId id, AgentRuntime runtime);

    /**
     * Handles one message.
     *
     * @param message the message
     * @param context who sent it, on which topic, and whether a reply is expected
     * @return the reply for a direct message ({@code context.isRpc()}). For a published message the value
     *     is ignored, except a {@link java.util.concurrent.CompletionStage}: an agent that hands the message
     *     on to its own thread returns one, and the runtime counts the message as being handled until it
     *     completes ({@link AgentRuntime#stopWhenIdle()} waits for it; a failure is reported as the
     *     handler's own)
     * @throws Exception any failure; for a direct message it reaches the sender unchanged
     */
    @Nullable Object onMessage(Object message, MessageContext context) throws Exception;

    /** The agent's state as JSON-compatible values (maps, lists, strings, numbers, booleans). */
    default Map<String, Object> saveState() {
        return Map.of();
    }

    /** Restores state written by {@link #saveState()}. */
    default void loadState(Map<String, Object> state) {
    }

    /**
     * Whether the runtime may deliver the next message while a previous one is still being handled.
     * False by default: an agent handles one message at a time, so its fields need no locking.
     */
    default boolean handlesMessagesConcurrently() {
        return false;
    }

    /** Releases resources when the runtime closes. */
    default void close() throws Exception {
    }
}
