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
        return RoundRobinManagerState.of(messageThread, currentTurn, nextSpeakerIndex).toMap();
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        messageThread.clear();
        messageThread.addAll(readThread(node.path("message_thread")));
        currentTurn = node.path("current_turn").asInt(0);
        nextSpeakerIndex = node.path("next_speaker_index").asInt(0) % participantNames().size();
    }
}
