package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A team's state: each participant's container state keyed by participant name, and the manager's
 * state keyed by the manager's name (e.g. {@code RoundRobinGroupChatManager}). Its JSON
 * ({@link #toJson()}, {@link #fromJson(String)}) is Python's {@code TeamState}.
 */
@JsonPropertyOrder({"type", "version", "agent_states"})
public record TeamState(String type, String version, Map<String, Map<String, Object>> agentStates)
        implements AgentChatState {
    public static final String TYPE = "TeamState";

    @JsonCreator
    public TeamState(@Nullable String type, @Nullable String version, @Nullable Map<String, Map<String, Object>> agentStates) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.agentStates = agentStates != null ? Collections.unmodifiableMap(new LinkedHashMap<>(agentStates)) : Map.of();
    }

    /** A team state of the current version holding {@code agentStates}. */
    public static TeamState of(Map<String, Map<String, Object>> agentStates) {
        return new TeamState(TYPE, VERSION, agentStates);
    }

    /**
     * The state of a map as a team's {@code saveState()} returns it.
     *
     * @throws IllegalArgumentException if it is not a {@code TeamState}, naming the bad field
     */
    public static TeamState fromMap(Map<String, ?> state) {
        return AgentChatState.fromMap(state, TeamState.class, TYPE);
    }

    /**
     * Reads a team state written by {@link #toJson()} or by Python ({@code json.dumps(await team.save_state())}).
     *
     * @throws IllegalArgumentException if it is not a {@code TeamState}
     */
    public static TeamState fromJson(String json) {
        return fromMap(StateJson.read(json));
    }

    /** A participant's (or the manager's) state, by name. */
    public Optional<AgentState> agentState(String name) {
        Map<String, Object> state = agentStates.get(name);
        return state == null ? Optional.empty() : Optional.of(AgentState.fromMap(state));
    }
}
