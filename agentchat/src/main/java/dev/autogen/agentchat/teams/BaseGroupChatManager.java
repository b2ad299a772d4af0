package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.TeamState;
import dev.autogen.agentchat.teams.events.GroupChatAgentResponse;
import dev.autogen.agentchat.teams.events.GroupChatError;
import dev.autogen.agentchat.teams.events.GroupChatMessage;
import dev.autogen.agentchat.teams.events.GroupChatRequestPublish;
import dev.autogen.agentchat.teams.events.GroupChatReset;
import dev.autogen.agentchat.teams.events.GroupChatStart;
import dev.autogen.agentchat.teams.events.GroupChatTeamResponse;
import dev.autogen.agentchat.teams.events.GroupChatTermination;
import dev.autogen.agentchat.teams.events.SerializableException;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.AppendOnlyList;
import dev.autogen.core.MessageContext;
import dev.autogen.core.TopicId;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent that runs a group chat, Python's {@code BaseGroupChatManager}: it keeps the conversation,
 * relays what participants publish to the output topic to the caller of the run, checks the
 * termination condition and the turn limit after every response, and asks the next speaker(s) to
 * speak. Subclasses decide who speaks ({@link #selectSpeakers}) and what state they keep.
 *
 * <p>A custom team extends {@link BaseGroupChat} and returns its own manager from
 * {@link BaseGroupChat#createManager}; see {@code examples/.../CustomTeamExample}.
 */
public abstract class BaseGroupChatManager extends SequentialAgent {
    private static final Logger LOG = LoggerFactory.getLogger(BaseGroupChatManager.class);
    private final String name;
    private final TeamWiring wiring;
    private final @Nullable TerminationCondition terminationCondition;
    private final @Nullable Integer maxTurns;
    private final boolean emitTeamEvents;
    /** The conversation so far: task messages, every inner event and every response. */
    protected final AppendOnlyList<BaseMessage> messageThread = new AppendOnlyList<>();
    /** The JSON of this manager's checkpoints, each message written once. */
    private final CheckpointJson checkpointJson = new CheckpointJson();
    /** Turns taken in the current run. */
    protected int currentTurn;
    private final Set<String> activeSpeakers = new LinkedHashSet<>();
    /** Where the messages of the current turn begin in the thread. */
    private int turnStart;
    /** Where the messages last given to the termination condition begin in the thread. */
    private int checkedFrom;
    /**
     * The group messages of the current turn, with who published each (null for the manager), as the
     * containers received them: a container's state taken right after the last one it had to handle is
     * its state after the turn.
     */
    private final List<Map.Entry<@Nullable String, Object>> turnGroupMessages = new ArrayList<>();
    /** A run started and not yet terminated: true at the next start means that run was cancelled. */
    private boolean runOpen;

    /** A manager for the team {@code wiring} describes. */
    protected BaseGroupChatManager(TeamWiring wiring) {
        this(wiring, wiring.maxTurns(), wiring.emitTeamEvents());
    }

    /** For managers that count turns or emit team events their own way. */
    BaseGroupChatManager(TeamWiring wiring, @Nullable Integer maxTurns, boolean emitTeamEvents) {
        super("Group chat manager");
        this.name = wiring.managerName();
        this.wiring = wiring;
        this.terminationCondition = wiring.terminationCondition();
        this.maxTurns = maxTurns;
        this.emitTeamEvents = emitTeamEvents;
    }

    /** The manager's name, also its key in the team state (e.g. {@code RoundRobinGroupChatManager}). */
    protected final String name() {
        return name;
    }

    /** The team's topics, participants and limits. */
    protected final TeamWiring wiring() {
        return wiring;
    }

    /** The participants' names, in order. */
    protected final List<String> participantNames() {
        return wiring.participantNames();
    }

    /**
     * Who speaks next, given the conversation so far: one or more participant names. Several speakers
     * take their turns in parallel, each seeing the conversation as it is now; their responses reach the
     * manager, the other participants and the caller in the order returned here, and the termination
     * condition is checked once all have answered, on the last one's messages (as Python does).
     *
     * @throws RuntimeException to end the run with that error
     */
    protected abstract List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token);

    /** Checks the task of a new run before it starts; throws {@link IllegalArgumentException} when it is unfit. */
    protected void validateGroupState(List<BaseChatMessage> task) {
    }

    /** Clears what the subclass keeps, beyond the thread and turn count. */
    protected abstract void resetState();

    /** The manager's state, Python's {@code <Team>ManagerState}. */
    @Override
    public abstract Map<String, Object> saveState();

    /**
     * The manager's state as a value that JSON serialization writes exactly as {@link #saveState()}'s
     * map, written in every checkpoint without building the map; the default is {@link #saveState()}.
     */
    protected Object stateValue() {
        return saveState();
    }

    @Override
    public abstract void loadState(Map<String, Object> state);

    @Override
    final @Nullable Object handleInOrder(Object message, MessageContext context) {
        CancellationToken token = context.cancellationToken();
        if (token.isCancelled() && !(message instanceof GroupChatReset)) {
            return null; // left over from a cancelled run
        }
        try {
            switch (message) {
                case GroupChatStart start -> handleStart(start, token);
                case GroupChatAgentResponse response -> {
                    noteGroupMessage(response.name(), response);
                    List<BaseMessage> delta = new ArrayList<>(response.response().innerMessages());
                    delta.add(response.response().chatMessage());
                    handleResponse(response.name(), delta, token);
                }
                case GroupChatTeamResponse response -> {
                    noteGroupMessage(response.name(), response);
                    handleResponse(response.name(), response.result().messages(), token);
                }
                case GroupChatMessage output -> wiring.output().message(output.message());
                case GroupChatError error -> signalTermination(errorStop(), error.error());
                case GroupChatReset reset -> reset();
                default -> throw new IllegalArgumentException("the group chat manager '" + name
                        + "' cannot handle a " + message.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            if (!token.isCancelled()) {
                signalTermination(errorStop(), SerializableException.from(e));
            }
        }
        return null;
    }

    /** Pause and resume reach the manager too; by default it has nothing to do. */
    @Override
    void handleNow(Object message, MessageContext context) {
    }

    private StopMessage errorStop() {
        return new StopMessage("An error occurred in the group chat.", name);
    }

    /**
     * Shows a message of the manager's own (a speaker selection, a plan) to the caller of the run
     * and to observers of the output topic.
     */
    protected final void emit(BaseMessage message) {
        publishMessage(new GroupChatMessage(message), wiring.outputTopic());
        wiring.output().message(message);
    }

    /** Starts a run: shares the task, checks termination on it, and asks the first speaker(s). */
    void handleStart(GroupChatStart start, CancellationToken token) {
        activeSpeakers.clear();
        turnGroupMessages.clear();
        if (!wiring.checkpoints().continuing()) {
            currentTurn = 0; // every run gets max_turns afresh, even after a failed or cancelled one
        }
        markRunStarted();
        turnStart = messageThread.size();
        if (terminationCondition != null && terminationCondition.terminated()) {
            signalTermination(new StopMessage("The group chat has already terminated.", name), null);
            return;
        }
        List<BaseChatMessage> task = start.messagesOrEmpty();
        validateGroupState(task);
        if (!task.isEmpty()) {
            publishTask(start);
            GroupChatStart shared = new GroupChatStart(task, true);
            publishMessage(shared, wiring.groupTopic(), token);
            noteGroupMessage(null, shared);
            messageThread.addAll(task);
            checkedFrom = turnStart;
            if (applyTermination(List.copyOf(task), false)) {
                return;
            }
        }
        transitionToNextSpeakers(token);
    }

    /**
     * Notes that a run starts. A run that ended without terminating was cancelled, and left its
     * termination condition half-counted: it is reset now (unless a durable run continues, whose
     * condition was restored), so every run counts from zero.
     */
    final void markRunStarted() {
        if (runOpen && terminationCondition != null && !wiring.checkpoints().continuing()) {
            terminationCondition.reset();
        }
        runOpen = true;
    }

    /** Records a participant's response; when every active speaker has answered, checks termination and moves on. */
    void handleResponse(String speaker, List<BaseMessage> delta, CancellationToken token) {
        if (!activeSpeakers.contains(speaker)) {
            LOG.debug("{} ignores a response from '{}', which was not asked to speak (its run has ended)", name, speaker);
            return;
        }
        messageThread.addAll(delta);
        activeSpeakers.remove(speaker);
        if (!activeSpeakers.isEmpty()) {
            return;
        }
        checkedFrom = messageThread.size() - delta.size();
        if (applyTermination(delta, true)) {
            return;
        }
        transitionToNextSpeakers(token);
    }

    /** Checkpoints the turn just completed (if the team is durable), then asks the selected speakers to speak. */
    void transitionToNextSpeakers(CancellationToken token) {
        checkpoint(RunStatus.RUNNING, null);
        turnStart = messageThread.size();
        turnGroupMessages.clear();
        List<String> speakers = selectSpeakers(messageThread.snapshot(), token);
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
            emit(new SelectSpeakerEvent(speakers, name));
        }
        List<String> step = List.copyOf(new LinkedHashSet<>(speakers));
        wiring.steps().begin(step.stream().filter(wiring::isLocal).toList());
        try {
            for (String speaker : step) {
                activeSpeakers.add(speaker);
                askToSpeak(speaker, token);
            }
        } finally {
            wiring.steps().requested();
        }
    }

    /**
     * Asks a participant to speak: a {@code GroupChatRequestPublish} published to its topic, as Python
     * does; or, for a participant that another process serves, sent to its container directly, which
     * answers once the turn is over, so a worker that is gone, or dies during the turn, ends the run
     * with an error naming the participant instead of leaving it waiting.
     */
    protected final void askToSpeak(String speaker, CancellationToken token) {
        if (wiring.isLocal(speaker)) {
            publishMessage(new GroupChatRequestPublish(), wiring.participantTopic(speaker), token);
            return;
        }
        runtime().sendMessageAsync(new GroupChatRequestPublish(), wiring.participantId(speaker), id(), token, null)
                .whenComplete((done, failure) -> {
                    if (failure != null && !token.isCancelled()) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        RuntimeException error = cause instanceof RuntimeException runtimeError ? runtimeError
                                : new IllegalStateException(cause.getMessage(), cause);
                        runtime().sendMessageAsync(new GroupChatError(SerializableException.from(
                                new ChatAgentContainer.ParticipantException(speaker, error))), id(), id(), token, null);
                    }
                });
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

    /**
     * Shares a run's task with observers of the output topic and, unless the run leaves them out,
     * with its caller.
     */
    final void publishTask(GroupChatStart start) {
        publishMessage(new GroupChatStart(start.messagesOrEmpty(), true), wiring.outputTopic());
        if (start.outputTaskMessages()) {
            start.messagesOrEmpty().forEach(wiring.output()::message);
        }
    }

    /** Ends the run: the caller receives {@code stop} (and {@code error}, which it rethrows). */
    protected final void signalTermination(StopMessage stop, @Nullable SerializableException error) {
        activeSpeakers.clear();
        runOpen = false;
        wiring.steps().abandon();
        if (error == null) {
            checkpoint(stopStatus(), stop.content());
        } else {
            wiring.checkpoints().stopped(RunStatus.FAILED, error.errorMessage());
        }
        if (error != null && terminationCondition != null) {
            terminationCondition.reset();
        }
        GroupChatTermination termination = new GroupChatTermination(stop, error);
        publishMessage(termination, wiring.outputTopic());
        wiring.output().terminate(termination);
    }

    /** Writes the checkpoint of the turn that ends now, when the team is durable. */
    private void checkpoint(RunStatus status, @Nullable String stopReason) {
        RunCheckpoints checkpoints = wiring.checkpoints();
        if (!checkpoints.isActive() || (status == RunStatus.RUNNING && turnStart == messageThread.size())) {
            return; // a resumed run asks its next speaker before any new turn
        }
        List<BaseMessage> turn = List.copyOf(messageThread.subList(turnStart, messageThread.size()));
        String messages = checkpointJson.write(turn);
        String teamState = teamStateJson();
        checkpointJson.endPass();
        checkpoints.save(messages, Math.max(0, checkedFrom - turnStart), status, stopReason, teamState);
    }

    /** A run that ends with a handoff to someone outside the team waits for that person. */
    private RunStatus stopStatus() {
        for (BaseMessage message : messageThread.subList(turnStart, messageThread.size())) {
            if (message instanceof HandoffMessage handoff && !wiring.participantNames().contains(handoff.target())) {
                return RunStatus.WAITING_FOR_INPUT;
            }
        }
        return RunStatus.COMPLETED;
    }

    /**
     * The team's state as it stands between turns, as {@code TeamState} JSON: each container's, as the
     * container took it right after the last message of the turn reached it (a container in another
     * process, or one that could not write its state, is asked for it in order), and the manager's own.
     */
    private String teamStateJson() {
        Map<String, Object> states = new LinkedHashMap<>();
        Map<String, CompletableFuture<@Nullable Object>> asked = new LinkedHashMap<>();
        try {
            wiring.steps().awaitStepPublished();
            RunCheckpoints checkpoints = wiring.checkpoints();
            for (String participant : wiring.participantNames()) {
                Object last = wiring.isLocal(participant) ? lastGroupMessageFor(participant) : null;
                String taken = last == null ? null : checkpoints.stateTakenAfter(participant, last);
                states.put(participant, taken == null ? null : new RawValue(taken)); // null keeps the order
                if (taken == null) { // asked in order: answered once the container has handled the turn
                    asked.put(participant, runtime().sendMessageAsync(SnapshotRequest.INSTANCE,
                            wiring.participantId(participant), id(), null, null));
                }
            }
            for (var it = asked.entrySet().iterator(); it.hasNext();) {
                var ask = it.next();
                Object last = wiring.isLocal(ask.getKey()) ? lastGroupMessageFor(ask.getKey()) : null;
                String taken = last == null ? null : checkpoints.awaitStateTakenAfter(ask.getKey(), last, ask.getValue());
                if (taken != null) {
                    states.put(ask.getKey(), new RawValue(taken));
                    it.remove();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while taking a checkpoint");
        }
        asked.forEach((participant, reply) -> states.put(participant,
                new RawValue(((ContainerSnapshot) Objects.requireNonNull(AgentRuntime.await(reply))).stateJson())));
        states.put(name, stateValue());
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("type", TeamState.TYPE);
        team.put("version", AgentChatState.VERSION);
        team.put("agent_states", states);
        return checkpointJson.write(team);
    }

    /** Keeps a group message of the turn for the turn's checkpoint; nothing when the run is not durable. */
    private void noteGroupMessage(@Nullable String publisher, Object message) {
        if (wiring.checkpoints().isActive()) {
            turnGroupMessages.add(new SimpleImmutableEntry<>(publisher, message));
        }
    }

    /**
     * The last group message of the turn that {@code participant}'s container handled: the last one
     * another published, or else its own response; null when the turn has none.
     */
    private @Nullable Object lastGroupMessageFor(String participant) {
        Object own = null;
        for (int i = turnGroupMessages.size() - 1; i >= 0; i--) {
            Map.Entry<@Nullable String, Object> sent = turnGroupMessages.get(i);
            if (!participant.equals(sent.getKey())) {
                return sent.getValue();
            }
            if (own == null) {
                own = sent.getValue();
            }
        }
        return own;
    }

    void reset() {
        turnGroupMessages.clear();
        messageThread.clear();
        currentTurn = 0;
        activeSpeakers.clear();
        wiring.steps().abandon();
        if (terminationCondition != null) {
            terminationCondition.reset();
        }
        resetState();
    }

    /** Reads a saved message thread with the team's message factory (custom types included). */
    protected final List<BaseMessage> readThread(JsonNode thread) {
        MessageFactory factory = wiring.messageFactory();
        List<BaseMessage> messages = new ArrayList<>();
        for (int i = 0; i < thread.size(); i++) {
            try {
                messages.add(factory.create(thread.get(i)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("message_thread[" + i + "]: " + e.getMessage(), e);
            }
        }
        return messages;
    }

    /** Participant names mapped to their descriptions, in order. */
    protected final Map<String, String> participantDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = 0; i < wiring.participantNames().size(); i++) {
            descriptions.put(wiring.participantNames().get(i), wiring.participantDescriptions().get(i));
        }
        return descriptions;
    }

    /** The topic a participant listens on. */
    protected final TopicId participantTopic(String participant) {
        return wiring.participantTopic(participant);
    }
}
