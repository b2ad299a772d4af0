package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of one team participant: the participant's own state, and the messages it has been sent
 * but not yet acted on.
 */
@JsonPropertyOrder({"type", "version", "agent_state", "message_buffer"})
public record ChatAgentContainerState(String type, String version, Map<String, Object> agentState,
        List<BaseChatMessage> messageBuffer) implements AgentChatState {
    public static final String TYPE = "ChatAgentContainerState";

    @JsonCreator
    public ChatAgentContainerState(@Nullable String type, @Nullable String version,
            @Nullable Map<String, Object> agentState, @Nullable List<BaseChatMessage> messageBuffer) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.agentState = agentState != null ? agentState : Map.of();
        this.messageBuffer = messageBuffer != null ? List.copyOf(messageBuffer) : List.of();
    }

    public static ChatAgentContainerState of(Map<String, Object> agentState, List<BaseChatMessage> buffer) {
        return new ChatAgentContainerState(TYPE, VERSION, agentState, buffer);
    }
}
