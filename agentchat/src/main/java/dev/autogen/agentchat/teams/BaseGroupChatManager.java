package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.MessageContext;
import dev.autogen.core.TopicId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The agent that runs a group chat: it keeps the conversation, checks the termination condition and
 * the turn limit after every response, and asks the next speaker(s) to speak. Subclasses decide who
 * speaks ({@link #selectSpeakers}) and what state they keep.
 */
abstract class BaseGroupChatManager extends BaseAgent {
    private final String name;
    private final TeamWiring wiring;
    private final @Nullable TerminationCondition terminationCondition;
    private final @Nullable Integer maxTurns;
    private final boolean emitTeamEvents;
    /** The conversation so far: task messages, every inner event and every response. */
    protected final List<BaseMessage> messageThread = new ArrayList<>();
    /** Turns taken in the current run. */
    protected int currentTurn;
    private final Set<String> activeSpeakers = new LinkedHashSet<>();

    BaseGroupChatManager(String name, TeamWiring wiring, @Nullable TerminationCondition terminationCondition,
            @Nullable Integer maxTurns, boolean emitTeamEvents) {
        super("Group chat manager");
        this.name = name;
        this.wiring = wiring;
        this.terminationCondition = terminationCondition;
        this.maxTurns = maxTurns;
        this.emitTeamEvents = emitTeamEvents;
    }

    /** The manager's name, also its key in the team state (e.g. {@code RoundRobinGroupChatManager}). */
    final String name() {
        return name;
    }

    final TeamWiring wiring() {
        return wiring;
    }

    final List<String> participantNames() {
        return wiring.participantNames();
    }

    /**
     * Who speaks next, given the conversation so far: one or more participant names.
     *
     * @throws RuntimeException to end the run with that error
     */
    abstract List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token);

    /** Checks the task of a new run before it starts; throws {@link IllegalArgumentException} when it is unfit. */
    void validateGroupState(List<BaseChatMessage> task) {
    }

    /** Clears what the subclass keeps, beyond the thread and turn count. */
    abstract void resetState();

    /** The manager's state, Python's {@code <Team>ManagerState}. */
    @Override
    public abstract Map<String, Object> saveState();

    @Override
    public abstract void loadState(Map<String, Object> state);

    @Override
    protected @Nullable Object onMessageImpl(Object message, MessageContext context) {
        CancellationToken token = context.cancellationToken();
        if (token.isCancelled() && !(message instanceof GroupChatProtocol.Reset)) {
            return null; // left over from a cancelled run
        }
        try {
            switch (message) {
                case GroupChatProtocol.Start start -> handleStart(start, token);
                case GroupChatProtocol.AgentResponse response -> {
                    List<BaseMessage> delta = new ArrayList<>(response.response().innerMessages());
                    delta.add(response.response().chatMessage());
                    handleResponse(response.name(), delta, token);
                }
                case GroupChatProtocol.TeamResponse response ->
                        handleResponse(response.name(), response.result().messages(), token);
                case GroupChatProtocol.Error error -> signalTermination(new StopMessage(
                        "An error occurred in the group chat.", name), error.error());
                case GroupChatProtocol.Reset reset -> reset();
                default -> {
                }
            }
        } catch (RuntimeException e) {
            if (!token.isCancelled()) {
                signalTermination(new StopMessage("An error occurred in the group chat.", name), e);
            }
        }
        return null;
    }

    /** Starts a run: shares the task, checks termination on it, and asks the first speaker(s). */
    void handleStart(GroupChatProtocol.Start start, CancellationToken token) {
        activeSpeakers.clear();
        currentTurn = 0; // every run gets max_turns afresh, even after a failed or cancelled one
        if (terminationCondition != null && terminationCondition.terminated()) {
            signalTermination(new StopMessage("The group chat has already terminated.", name), null);
            return;
        }
        validateGroupState(start.messages());
        if (!start.messages().isEmpty()) {
            if (start.outputTaskMessages()) {
                start.messages().forEach(wiring.output()::message);
            }
            publishMessage(start, wiring.groupTopic(), token);
            messageThread.addAll(start.messages());
            if (applyTermination(List.copyOf(start.messages()), false)) {
                return;
            }
        }
        transitionToNextSpeakers(token);
    }

    /** Records a participant's response; when every active speaker has answered, checks termination and moves on. */
    void handleResponse(String speaker, List<BaseMessage> delta, CancellationToken token) {
        messageThread.addAll(delta);
        activeSpeakers.remove(speaker);
        if (!activeSpeakers.isEmpty()) {
            return;
        }
        if (applyTermination(delta, true)) {
            return;
        }
        transitionToNextSpeakers(token);
    }

    /** Asks the selected speakers to speak. */
    void transitionToNextSpeakers(CancellationToken token) {
        List<String> speakers = selectSpeakers(List.copyOf(messageThread), token);
        if (speakers.isEmpty()) {
            throw new IllegalStateException("no speaker was selected");
        }
        for (String speaker : speakers) {
            if (!wiring.participantNames().contains(speaker)) {
                throw new IllegalStateException("speaker '" + speaker + "' is not a participant; participants are "
                        + wiring.participantNames());
            }
        }
        if (emitTeamEvents) {
            wiring.output().message(new SelectSpeakerEvent(speakers, name));
        }
        for (String speaker : speakers) {
            activeSpeakers.add(speaker);
            publishMessage(new GroupChatProtocol.RequestPublish(), wiring.participantTopic(speaker), token);
        }
    }

    /**
     * Checks the termination condition on {@code delta}, then (counting this turn when asked) the turn
     * limit; signals termination and returns true when the run must stop.
     */
    boolean applyTermination(List<BaseMessage> delta, boolean incrementTurn) {
        if (terminationCondition != null) {
            StopMessage stop = terminationCondition.check(delta);
            if (stop != null) {
                terminationCondition.reset();
                currentTurn = 0;
                signalTermination(stop, null);
                return true;
            }
        }
        if (incrementTurn) {
            currentTurn++;
        }
        if (maxTurns != null && currentTurn >= maxTurns) {
            if (terminationCondition != null) {
                terminationCondition.reset();
            }
            currentTurn = 0;
            signalTermination(new StopMessage("Maximum number of turns " + maxTurns + " reached.", name), null);
            return true;
        }
        return false;
    }

    /** Ends the run: the caller receives {@code stop} (and {@code error}, which it rethrows). */
    void signalTermination(StopMessage stop, @Nullable RuntimeException error) {
        activeSpeakers.clear();
        if (error != null && terminationCondition != null) {
            terminationCondition.reset();
        }
        wiring.output().terminate(new GroupChatProtocol.Termination(stop, error));
    }

    void reset() {
        messageThread.clear();
        currentTurn = 0;
        activeSpeakers.clear();
        if (terminationCondition != null) {
            terminationCondition.reset();
        }
        resetState();
    }

    /** Reads a saved message thread with the team's message factory (custom types included). */
    final List<BaseMessage> readThread(JsonNode thread) {
        MessageFactory factory = wiring.messageFactory();
        List<BaseMessage> messages = new ArrayList<>();
        for (JsonNode message : thread) {
            messages.add(factory.create(message));
        }
        return messages;
    }

    /** Participant names mapped to their descriptions, in order. */
    final Map<String, String> participantDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = 0; i < wiring.participantNames().size(); i++) {
            descriptions.put(wiring.participantNames().get(i), wiring.participantDescriptions().get(i));
        }
        return descriptions;
    }

    /** The topic a participant listens on. */
    final TopicId participantTopic(String participant) {
        return wiring.participantTopic(participant);
    }
}
