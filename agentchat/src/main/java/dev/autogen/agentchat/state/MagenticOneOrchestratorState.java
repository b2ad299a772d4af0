package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of a Magentic-One team's orchestrator: the conversation since the last task ledger, the
 * task, the current facts and plan, and the round and stall counts.
 */
@JsonPropertyOrder({"type", "version", "message_thread", "current_turn", "task", "facts", "plan", "n_rounds", "n_stalls"})
public record MagenticOneOrchestratorState(String type, String version, List<BaseMessage> messageThread,
        int currentTurn, String task, String facts, String plan, int nRounds, int nStalls) implements AgentChatState {
    public static final String TYPE = "MagenticOneOrchestratorState";

    @JsonCreator
    public MagenticOneOrchestratorState(@Nullable String type, @Nullable String version,
            @Nullable List<BaseMessage> messageThread, int currentTurn, @Nullable String task, @Nullable String facts,
            @Nullable String plan, int nRounds, int nStalls) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.messageThread = messageThread != null ? List.copyOf(messageThread) : List.of();
        this.currentTurn = currentTurn;
        this.task = task != null ? task : "";
        this.facts = facts != null ? facts : "";
        this.plan = plan != null ? plan : "";
        this.nRounds = nRounds;
        this.nStalls = nStalls;
    }

    public static MagenticOneOrchestratorState of(List<BaseMessage> thread, int currentTurn, String task, String facts,
            String plan, int nRounds, int nStalls) {
        return new MagenticOneOrchestratorState(TYPE, VERSION, thread, currentTurn, task, facts, plan, nRounds, nStalls);
    }
}
