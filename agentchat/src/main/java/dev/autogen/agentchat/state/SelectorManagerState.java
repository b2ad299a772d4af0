package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of a selector team's manager: the conversation, the turn count and the previous speaker
 * ({@code null} before anyone was chosen by the model), as Python's {@code SelectorManagerState}.
 */
@JsonPropertyOrder({"type", "version", "message_thread", "current_turn", "previous_speaker"})
public record SelectorManagerState(String type, String version, List<BaseMessage> messageThread, int currentTurn,
        @Nullable String previousSpeaker) implements AgentChatState {
    public static final String TYPE = "SelectorManagerState";

    @JsonCreator
    public SelectorManagerState(@Nullable String type, @Nullable String version,
            @Nullable List<BaseMessage> messageThread, int currentTurn, @Nullable String previousSpeaker) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.messageThread = messageThread != null ? List.copyOf(messageThread) : List.of();
        this.currentTurn = currentTurn;
        this.previousSpeaker = previousSpeaker;
    }

    public static SelectorManagerState of(List<BaseMessage> thread, int currentTurn, @Nullable String previousSpeaker) {
        return new SelectorManagerState(TYPE, VERSION, thread, currentTurn, previousSpeaker);
    }
}
