package dev.autogen.agentchat.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any agent's saved state as a value: the map Python's {@code save_state()} returns (an
 * {@code AssistantAgentState}, a {@code BaseState}, ...), with its JSON form. Use
 * {@link #as(Class, String)} for the typed record of a known agent, e.g. {@link AssistantAgentState}.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent agent;
 *      AssistantAgent other; -->
 * <pre>{@code
 * AgentState state = agent.agentState();
 * String json = state.toJson();               // as Python's json.dumps(await agent.save_state())
 * other.loadState(AgentState.fromJson(json));
 * }</pre>
 *
 * @param values the state's fields, {@code "type"} and {@code "version"} included
 */
public record AgentState(Map<String, Object> values) implements AgentChatState {
    public AgentState {
        Objects.requireNonNull(values, "values");
        if (!(values.get("type") instanceof String)) {
            throw new IllegalArgumentException("an agent state needs a string 'type' field, such as \"AssistantAgentState\";"
                    + " got " + values.get("type"));
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The state of a map as {@code saveState()} returns it. */
    public static AgentState fromMap(Map<String, ?> values) {
        return new AgentState(new LinkedHashMap<>(values));
    }

    /**
     * Reads a state written by {@link #toJson()} or by Python.
     *
     * @throws IllegalArgumentException if it is not a JSON object with a {@code "type"}
     */
    public static AgentState fromJson(String json) {
        return new AgentState(StateJson.read(json));
    }

    @Override
    public String type() {
        return (String) values.get("type");
    }

    @Override
    public String version() {
        return values.get("version") instanceof String v ? v : VERSION;
    }

    @Override
    public Map<String, Object> toMap() {
        return values;
    }

    /**
     * This state as the record of a known agent, checking the type name.
     *
     * @throws IllegalArgumentException naming the expected and actual type, or the bad field
     */
    public <S extends AgentChatState> S as(Class<S> type, String typeName) {
        return AgentChatState.fromMap(values, type, typeName);
    }
}
