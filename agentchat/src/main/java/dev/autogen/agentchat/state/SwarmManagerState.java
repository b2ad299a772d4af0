package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of a swarm's manager: the conversation, the turn count and the participant now speaking,
 * as Python's {@code SwarmManagerState}.
 */
@JsonPropertyOrder({"type", "version", "message_thread", "current_turn", "current_speaker"})
public record SwarmManagerState(String type, String version, List<BaseMessage> messageThread, int currentTurn,
        String currentSpeaker) implements AgentChatState {
    public static final String TYPE = "SwarmManagerState";

    @JsonCreator
    public SwarmManagerState(@Nullable String type, @Nullable String version,
            @Nullable List<BaseMessage> messageThread, int currentTurn, @Nullable String currentSpeaker) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.messageThread = messageThread != null ? List.copyOf(messageThread) : List.of();
        this.currentTurn = currentTurn;
        this.currentSpeaker = currentSpeaker != null ? currentSpeaker : "";
    }

    public static SwarmManagerState of(List<BaseMessage> thread, int currentTurn, String currentSpeaker) {
        return new SwarmManagerState(TYPE, VERSION, thread, currentTurn, currentSpeaker);
    }
}
