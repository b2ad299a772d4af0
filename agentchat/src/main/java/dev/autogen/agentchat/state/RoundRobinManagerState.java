package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The state of a round-robin team's manager: the conversation, the turn count and who speaks next. */
@JsonPropertyOrder({"type", "version", "message_thread", "current_turn", "next_speaker_index"})
public record RoundRobinManagerState(String type, String version, List<BaseMessage> messageThread, int currentTurn,
        int nextSpeakerIndex) implements AgentChatState {
    public static final String TYPE = "RoundRobinManagerState";

    @JsonCreator
    public RoundRobinManagerState(@Nullable String type, @Nullable String version,
            @Nullable List<BaseMessage> messageThread, int currentTurn, int nextSpeakerIndex) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.messageThread = messageThread != null ? List.copyOf(messageThread) : List.of();
        this.currentTurn = currentTurn;
        this.nextSpeakerIndex = nextSpeakerIndex;
    }

    public static RoundRobinManagerState of(List<BaseMessage> thread, int currentTurn, int nextSpeakerIndex) {
        return new RoundRobinManagerState(TYPE, VERSION, thread, currentTurn, nextSpeakerIndex);
    }
}
