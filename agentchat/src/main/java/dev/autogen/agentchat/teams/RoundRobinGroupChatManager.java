package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.state.RoundRobinManagerState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Picks participants in list order, remembering who is next across runs. */
final class RoundRobinGroupChatManager extends BaseGroupChatManager {
    private int nextSpeakerIndex;

    RoundRobinGroupChatManager(TeamWiring wiring) {
        super(wiring);
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        String speaker = participantNames().get(nextSpeakerIndex);
        nextSpeakerIndex = (nextSpeakerIndex + 1) % participantNames().size();
        return List.of(speaker);
    }

    @Override
    protected void resetState() {
        nextSpeakerIndex = 0;
    }

    @Override
    public Map<String, Object> saveState() {
        return stateValue().toMap();
    }

    @Override
    protected RoundRobinManagerState stateValue() {
        return RoundRobinManagerState.of(messageThread, currentTurn, nextSpeakerIndex);
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        StateFields.type(node, "RoundRobinManagerState");
        List<BaseMessage> thread = readThread(StateFields.thread(node));
        int turn = StateFields.count(node, "current_turn");
        int next = StateFields.index(node, "next_speaker_index", participantNames().size());
        messageThread.clear();
        messageThread.addAll(thread);
        currentTurn = turn;
        nextSpeakerIndex = next;
    }
}
