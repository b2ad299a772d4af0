package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code MessageFilterAgent}'s state: the state of the agent it wraps. Java only; Python saves a
 * bare {@code BaseState} for this agent and loads anything without looking at it.
 *
 * @param wrappedAgentState the wrapped agent's saved state
 */
@JsonPropertyOrder({"type", "version", "wrapped_agent_state"})
public record MessageFilterAgentState(String type, String version, Map<String, Object> wrappedAgentState)
        implements AgentChatState {
    public static final String TYPE = "MessageFilterAgentState";

    @JsonCreator
    public MessageFilterAgentState(@Nullable String type, @Nullable String version,
            @Nullable Map<String, Object> wrappedAgentState) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.wrappedAgentState = wrappedAgentState != null
                ? Collections.unmodifiableMap(new LinkedHashMap<>(wrappedAgentState)) : Map.of();
    }

    /** The state holding {@code wrappedAgentState}. */
    public static MessageFilterAgentState of(Map<String, Object> wrappedAgentState) {
        return new MessageFilterAgentState(TYPE, VERSION, wrappedAgentState);
    }
}
