package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A team's state: each participant's container state keyed by participant name, and the manager's
 * state keyed by the manager's name (e.g. {@code RoundRobinGroupChatManager}).
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

    public static TeamState of(Map<String, Map<String, Object>> agentStates) {
        return new TeamState(TYPE, VERSION, agentStates);
    }
}
