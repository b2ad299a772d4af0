package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SocietyOfMindAgent}'s state: its inner team's state.
 *
 * @param innerTeamState the inner team's saved state ({@code TeamState})
 */
@JsonPropertyOrder({"type", "version", "inner_team_state"})
public record SocietyOfMindAgentState(String type, String version, Map<String, Object> innerTeamState)
        implements AgentChatState {
    public static final String TYPE = "SocietyOfMindAgentState";

    @JsonCreator
    public SocietyOfMindAgentState(@Nullable String type, @Nullable String version,
            @Nullable Map<String, Object> innerTeamState) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.innerTeamState = innerTeamState != null ? innerTeamState : Map.of();
    }

    public static SocietyOfMindAgentState of(Map<String, Object> innerTeamState) {
        return new SocietyOfMindAgentState(TYPE, VERSION, innerTeamState);
    }
}
