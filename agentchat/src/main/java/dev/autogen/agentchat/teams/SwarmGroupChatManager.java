package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.state.SwarmManagerState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.PythonText;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Gives the turn to the target of the latest handoff, as Python's {@code SwarmGroupChatManager}. */
final class SwarmGroupChatManager extends BaseGroupChatManager {
    private String currentSpeaker;

    SwarmGroupChatManager(TeamWiring wiring) {
        super(wiring);
        this.currentSpeaker = participantNames().get(0);
    }

    /**
     * Refuses a run that would hand the turn to a non-participant: a task handing off to one, or (when
     * the task has no handoff) a conversation whose latest handoff went outside the team.
     */
    @Override
    protected void validateGroupState(List<BaseChatMessage> task) {
        List<String> names = participantNames();
        for (BaseChatMessage message : task) {
            if (message instanceof HandoffMessage handoff) {
                if (!names.contains(handoff.target())) {
                    throw new IllegalArgumentException("The target " + handoff.target()
                            + " is not one of the participants " + PythonText.repr(names) + ". If you are resuming "
                            + "Swarm with a new HandoffMessage make sure to set the target to a valid participant as "
                            + "the target.");
                }
                return;
            }
        }
        HandoffMessage latest = latestHandoff(messageThread);
        if (latest != null && !names.contains(latest.target())) {
            throw new IllegalArgumentException("The existing handoff target " + latest.target()
                    + " is not one of the participants " + PythonText.repr(names) + ". If you are resuming Swarm "
                    + "with a new task make sure to include in your task a HandoffMessage with a valid participant "
                    + "as the target. For example, if you are resuming from a HandoffTermination, make sure the new "
                    + "task is a HandoffMessage with a valid participant as the target.");
        }
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        HandoffMessage latest = latestHandoff(thread);
        if (latest != null) {
            if (!participantNames().contains(latest.target())) {
                throw new IllegalStateException("the latest handoff targets '" + latest.target()
                        + "', which is not a participant; participants are " + participantNames());
            }
            currentSpeaker = latest.target();
        }
        return List.of(currentSpeaker);
    }

    private static @Nullable HandoffMessage latestHandoff(List<BaseMessage> thread) {
        for (int i = thread.size() - 1; i >= 0; i--) {
            if (thread.get(i) instanceof HandoffMessage handoff) {
                return handoff;
            }
        }
        return null;
    }

    @Override
    protected void resetState() {
        currentSpeaker = participantNames().get(0);
    }

    @Override
    public Map<String, Object> saveState() {
        return stateValue().toMap();
    }

    @Override
    protected SwarmManagerState stateValue() {
        return SwarmManagerState.of(messageThread, currentTurn, currentSpeaker);
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        StateFields.type(node, "SwarmManagerState");
        List<BaseMessage> thread = readThread(StateFields.thread(node));
        int turn = StateFields.count(node, "current_turn");
        String speaker = StateFields.participant(node, "current_speaker", participantNames());
        messageThread.clear();
        messageThread.addAll(thread);
        currentTurn = turn;
        currentSpeaker = speaker != null ? speaker : participantNames().get(0);
    }
}
