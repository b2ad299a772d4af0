package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.agentchat.state.AgentState;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An agent of AgentChat: it receives new chat messages, answers with a {@link Response}, and keeps
 * whatever state it needs between calls. Agents are stateful and not safe for concurrent use: give
 * each its own thread of conversation, or put it in a team.
 *
 * <p>Extend {@link dev.autogen.agentchat.agents.BaseChatAgent} rather than implementing this directly.
 */
public interface ChatAgent extends Participant, TaskRunner, ComponentBase, AutoCloseable {
    /** The agent's name, unique within a team. */
    String name();

    /** What the agent does; teams use it to choose speakers. */
    String description();

    /** The chat message types the agent can put in {@link Response#chatMessage()}. */
    List<Class<? extends BaseChatMessage>> producedMessageTypes();

    /**
     * Handles messages new since the last call (never the whole history) and answers.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancellationToken} is cancelled
     */
    Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken);

    /**
     * As {@link #onMessages}, handing each inner event and message (streaming chunks included) to
     * {@code events} as it happens, on the calling thread. Teams use this form.
     */
    Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events);

    /** As {@link #onMessages}, streaming the inner events and messages as they happen. */
    default MessageStream<Response> onMessagesStream(List<? extends BaseChatMessage> messages,
            CancellationToken cancellationToken) {
        List<BaseChatMessage> input = List.copyOf(messages);
        return MessageStream.produce("autogen-agent-" + name(), cancellationToken,
                emit -> onMessagesStream(input, cancellationToken, emit));
    }

    /** Returns the agent to its initial state. */
    void onReset(CancellationToken cancellationToken);

    /**
     * Returns the agent to its initial state: {@link #onReset} with a fresh token, as a team's
     * {@link Team#reset()}.
     */
    default void reset() {
        onReset(new CancellationToken());
    }

    /** Called when the team running this agent pauses; no-op unless overridden. */
    default void onPause(CancellationToken cancellationToken) {
    }

    /** Called when the team running this agent resumes; no-op unless overridden. */
    default void onResume(CancellationToken cancellationToken) {
    }

    /** The agent's state as Python-compatible JSON-ready data. */
    Map<String, Object> saveState();

    /** Restores a state written by {@link #saveState()}. */
    void loadState(Map<String, ?> state);

    /**
     * The agent's state as a typed value, with its JSON form ({@link AgentState#toJson()}).
     *
     * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent agent;
     *      AssistantAgent sameAgent; -->
     * <pre>{@code
     * String json = agent.agentState().toJson();   // as Python's json.dumps(await agent.save_state())
     * sameAgent.loadState(AgentState.fromJson(json));
     * }</pre>
     */
    default AgentState agentState() {
        return AgentState.fromMap(saveState());
    }

    /** Restores a state from {@link #agentState()}. */
    default void loadState(AgentState state) {
        loadState(state.toMap());
    }

    /** Releases resources the agent holds; no-op unless overridden. */
    /**
     * A turn in a team: {@link #onMessagesStream(List, CancellationToken, Consumer)}, then the final
     * chat message handed to {@code events} too.
     *
     * @throws IllegalStateException if the agent produced no response
     */
    @Override
    default TurnResult speak(List<BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Response response = onMessagesStream(messages, cancellationToken, events);
        if (response == null) {
            throw new IllegalStateException("agent '" + name() + "' did not produce a final response");
        }
        events.accept(response.chatMessage());
        return response;
    }

    @Override
    default void close() {
    }
}
