package dev.autogen.examples.agentchat.customteam;

import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.teams.BaseGroupChatManager;
import dev.autogen.agentchat.teams.TeamWiring;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the participant the last chat message mentions with {@code @name}, else the first one. */
final class MentionGroupChatManager extends BaseGroupChatManager {
    private int mentionsFollowed;

    MentionGroupChatManager(TeamWiring wiring) {
        super(wiring);
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        String text = thread.reversed().stream().filter(m -> m instanceof BaseChatMessage).findFirst()
                .map(BaseMessage::toText).orElse("");
        for (String participant : participantNames()) {
            if (text.contains("@" + participant)) {
                mentionsFollowed++;
                return List.of(participant);
            }
        }
        return List.of(participantNames().getFirst());
    }

    @Override
    protected void resetState() {
        mentionsFollowed = 0;
    }

    @Override
    public Map<String, Object> saveState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("message_thread", messageThread.stream().map(BaseMessage::dump).toList());
        state.put("current_turn", currentTurn);
        state.put("mentions_followed", mentionsFollowed);
        return state;
    }

    @Override
    public void loadState(Map<String, Object> state) {
        messageThread.clear();
        messageThread.addAll(readThread(AutogenJson.mapper().valueToTree(state.get("message_thread"))));
        currentTurn = ((Number) state.getOrDefault("current_turn", 0)).intValue();
        mentionsFollowed = ((Number) state.getOrDefault("mentions_followed", 0)).intValue();
    }
}
