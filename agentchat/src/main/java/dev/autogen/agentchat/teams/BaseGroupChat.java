package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.TeamState;
import dev.autogen.agentchat.teams.events.GroupChatPause;
import dev.autogen.agentchat.teams.events.GroupChatReset;
import dev.autogen.agentchat.teams.events.GroupChatResume;
import dev.autogen.agentchat.teams.events.GroupChatStart;
import dev.autogen.agentchat.teams.events.GroupChatTermination;
import dev.autogen.agentchat.teams.events.SerializableException;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.utils.RandomIds;
import dev.autogen.core.utils.ResultStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The base of the group-chat teams: participants (agents or teams) take turns as a manager decides,
 * sharing every response. The team keeps its conversation between runs; a run without a task
 * continues it. It runs on its own Core runtime unless one is given, and speaks to the runtime only
 * through {@link AgentRuntime}: each participant is hosted by a container agent and the manager is
 * an agent too, exchanging Python's group-chat protocol ({@link dev.autogen.agentchat.teams.events}).
 *
 * <p>A run stops when the termination condition fires, when {@code maxTurns} turns have been taken
 * (both are reset after each run), when a participant fails (the run then throws), or when the run's
 * cancellation token is cancelled ({@link CancellationException}; {@link #reset()} then gives a clean team).
 *
 * <p>To write a team of your own, extend this class and {@link BaseGroupChatManager}, and return
 * your manager from {@link #createManager}.
 */
public abstract class BaseGroupChat implements Team {
    /** How a participant's failure reads in a {@code GroupChatError} (also from another process). */
    private static final Pattern PARTICIPANT_FAILED = Pattern.compile("participant '([^']+)' failed: ");
    private final String name;
    private final String description;
    private final List<Participant> participants;
    private final String managerName;
    private final @Nullable TerminationCondition terminationCondition;
    private final @Nullable Integer maxTurns;
    private final boolean emitTeamEvents;
    private final List<Class<? extends BaseMessage>> customMessageTypes;
    private final AgentRuntime runtime;
    private final boolean embeddedRuntime;
    private final OutputChannel output = new OutputChannel();
    private final TeamWiring wiring;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ReentrantLock runtimeLock = new ReentrantLock();
    private int runtimeUsers;
    private volatile boolean initialized;
    private volatile @Nullable CheckpointStore checkpointStore;
    private volatile @Nullable String lastRunId;

    /** How a durable run starts: its id, the number of its next checkpoint, and the messages it already has. */
    private record DurableRun(String runId, int firstTurn, boolean continuing, List<BaseMessage> priorMessages) {
    }

    /**
     * @param participants agents or teams with unique names
     * @param managerName the manager's name, its key in the saved state
     * @param runtime the runtime to run on, or null for a runtime of the team's own
     */
    protected BaseGroupChat(String name, String description, List<? extends Participant> participants,
            String managerName, @Nullable TerminationCondition terminationCondition, @Nullable Integer maxTurns,
            @Nullable AgentRuntime runtime, List<Class<? extends BaseMessage>> customMessageTypes,
            boolean emitTeamEvents) {
        this(name, description, participants, managerName, terminationCondition, maxTurns, runtime, customMessageTypes,
                emitTeamEvents, null);
    }

    /**
     * @param participants agents or teams with unique names; a {@link RemoteParticipant} is one whose
     *     container another process serves ({@link RemoteParticipant#serve})
     * @param managerName the manager's name, its key in the saved state
     * @param runtime the runtime to run on, or null for a runtime of the team's own
     * @param teamId the key of the team's agents and topics, or null for a new random one; processes
     *     that serve the team's remote participants must know it
     */
    protected BaseGroupChat(String name, String description, List<? extends Participant> participants,
            String managerName, @Nullable TerminationCondition terminationCondition, @Nullable Integer maxTurns,
            @Nullable AgentRuntime runtime, List<Class<? extends BaseMessage>> customMessageTypes,
            boolean emitTeamEvents, @Nullable String teamId) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("team '" + name + "': at least one participant is required");
        }
        Set<String> names = new HashSet<>();
        for (Participant participant : participants) {
            if (!names.add(participant.name())) {
                throw new IllegalArgumentException("team '" + name + "': participant names must be unique, '"
                        + participant.name() + "' appears twice");
            }
        }
        if (maxTurns != null && maxTurns < 1) {
            throw new IllegalArgumentException("team '" + name + "': max_turns must be at least 1, got " + maxTurns);
        }
        this.participants = List.copyOf(participants);
        this.managerName = managerName;
        this.terminationCondition = terminationCondition;
        this.maxTurns = maxTurns;
        this.emitTeamEvents = emitTeamEvents;
        this.customMessageTypes = List.copyOf(customMessageTypes);
        MessageFactory factory = customMessageTypes.isEmpty() ? MessageFactory.builtIn() : new MessageFactory();
        customMessageTypes.forEach(factory::register);
        boolean remote = this.participants.stream().anyMatch(RemoteParticipant.class::isInstance);
        if (remote && runtime == null) {
            throw new IllegalArgumentException("team '" + name + "': a team with remote participants needs the runtime"
                    + " that reaches them (e.g. a GrpcWorkerAgentRuntime); give it one with runtime(...)");
        }
        if (remote && teamId == null) {
            throw new IllegalArgumentException("team '" + name + "': a team with remote participants needs a team id"
                    + " that the processes serving them know; give it one with teamId(...)");
        }
        this.embeddedRuntime = runtime == null;
        this.runtime = runtime != null ? runtime : new SingleThreadedAgentRuntime();
        this.wiring = new TeamWiring(teamId == null ? RandomIds.uuid4() : TeamWiring.checkTeamId(teamId),
                managerName, this.participants.stream().map(Participant::name).toList(),
                this.participants.stream().map(Participant::description).toList(),
                terminationCondition, maxTurns, emitTeamEvents, factory, output,
                this.participants.stream().filter(p -> !(p instanceof RemoteParticipant)).map(Participant::name)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Creates the manager agent that decides who speaks. Called by the runtime when the manager is
     * first needed; {@code wiring} holds the team's topics, participants and limits.
     */
    protected abstract BaseGroupChatManager createManager(TeamWiring wiring);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The participants, in order. */
    public final List<Participant> participants() {
        return participants;
    }

    /** The termination condition, if any. */
    public final @Nullable TerminationCondition terminationCondition() {
        return terminationCondition;
    }

    /** The turn limit per run, if any. */
    public final @Nullable Integer maxTurns() {
        return maxTurns;
    }

    /** Whether team events such as {@code SelectSpeakerEvent} appear in the output. */
    public final boolean emitTeamEvents() {
        return emitTeamEvents;
    }

    /** The custom message types participants produce. */
    public final List<Class<? extends BaseMessage>> customMessageTypes() {
        return customMessageTypes;
    }

    /** Whether a run (or reset) is in progress. */
    public final boolean isRunning() {
        return running.get();
    }

    /**
     * Makes the team durable: every run writes a checkpoint to {@code store} after every completed turn,
     * so {@link #resume} can continue it after a crash and {@link #replay} can branch from any turn
     * (docs/durable-runs.md). Null turns it off.
     *
     * @throws IllegalStateException while a run is in progress
     */
    public final void checkpointStore(@Nullable CheckpointStore store) {
        if (running.get()) {
            throw new IllegalStateException("team '" + name + "' is running; set its checkpoint store when it is stopped");
        }
        this.checkpointStore = store;
    }

    /** Where the team writes its checkpoints, if it is durable. */
    public final @Nullable CheckpointStore checkpointStore() {
        return checkpointStore;
    }

    /** The id of the current or last durable run, known as soon as the run starts; null before one. */
    public final @Nullable String lastRunId() {
        return lastRunId;
    }

    /**
     * Starts a run. When the team is durable ({@link #checkpointStore(CheckpointStore)}) it gets a new run
     * id ({@link #lastRunId()}) and a checkpoint after every completed turn.
     *
     * @throws IllegalStateException if the team is already running
     */
    @Override
    public MessageStream<TaskResult> runStream(RunOptions options) {
        CheckpointStore store = checkpointStore;
        return start(options, store == null ? null : new DurableRun(RandomIds.uuid4(), 0, false, List.of()));
    }

    /** Continues the durable run {@code runId} from its last completed turn; see {@link #resumeStream}. */
    public final TaskResult resume(String runId) {
        return drain(resumeStream(runId, RunOptions.none()));
    }

    /** Continues the durable run {@code runId} with {@code task}, e.g. a person's answer to a run waiting for input. */
    public final TaskResult resume(String runId, String task) {
        return drain(resumeStream(runId, RunOptions.task(task)));
    }

    /**
     * Continues a durable run that stopped for any reason (a crash, a kill, a cancellation, a failure,
     * or a handoff to a person) from its last completed turn, with the same next speaker, in this team
     * or a new one with the same participants. A run waiting for input needs its answer as the task;
     * a completed run cannot be resumed (replay it instead). The result holds the run's earlier
     * messages too, so it equals that of a run that never stopped; the stream gives only the new ones.
     *
     * @throws IllegalStateException if the team is not durable, is running, or the run cannot continue
     * @throws IllegalArgumentException if the store has no such run
     */
    public final MessageStream<TaskResult> resumeStream(String runId, RunOptions options) {
        CheckpointStore store = requireStore();
        RunSummary run = store.run(runId).orElseThrow(() -> new IllegalArgumentException(
                "the checkpoint store has no run '" + runId + "'"));
        List<Checkpoint> checkpoints = store.checkpoints(runId);
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' has no checkpoint to resume from");
        }
        Checkpoint last = checkpoints.get(checkpoints.size() - 1);
        if (!last.teamName().equals(name)) {
            throw new IllegalStateException("run '" + runId + "' is a run of team '" + last.teamName()
                    + "', not of '" + name + "'");
        }
        boolean waiting = run.status() == RunStatus.WAITING_FOR_INPUT;
        switch (run.status()) {
            case COMPLETED -> throw new IllegalStateException("run '" + runId + "' is complete (" + run.stopReason()
                    + "); there is nothing to resume. Replay it from an earlier turn to branch off.");
            case WAITING_FOR_INPUT -> {
                if (options.task().isEmpty()) {
                    throw new IllegalStateException("run '" + runId + "' waits for input (" + run.stopReason()
                            + "); resume it with the answer as the task");
                }
            }
            default -> { }
        }
        loadState(last.teamState());
        RunOptions continued = waiting ? answerTo(last, options) : options;
        List<BaseMessage> prior = new ArrayList<>();
        if (!waiting) {
            if (terminationCondition != null) {
                terminationCondition.reset();
            }
            for (Checkpoint checkpoint : openTurns(checkpoints)) {
                List<BaseMessage> turn = readMessages(checkpoint);
                prior.addAll(turn);
                replayTermination(turn.subList(Math.min(checkpoint.checkedFrom(), turn.size()), turn.size()));
            }
        }
        return start(continued, new DurableRun(runId, last.turn() + 1, !waiting, prior));
    }

    /**
     * A text answer to a run that handed off to a person becomes that person's handoff back to the agent
     * that asked, as Python's docs resume a Swarm.
     */
    private RunOptions answerTo(Checkpoint waiting, RunOptions options) {
        if (options.task().size() != 1 || !(options.task().get(0) instanceof TextMessage answer)) {
            return options;
        }
        List<BaseMessage> turn = readMessages(waiting);
        for (int i = turn.size() - 1; i >= 0; i--) {
            if (turn.get(i) instanceof HandoffMessage handoff) {
                return new RunOptions(List.of(new HandoffMessage(answer.content(), handoff.target(), handoff.source(),
                        List.of())), options.cancellationToken(), options.outputTaskMessages());
            }
        }
        return options;
    }

    /** Replays the durable run {@code runId} from turn {@code fromTurn} into a new run; see {@link #replayStream}. */
    public final TaskResult replay(String runId, int fromTurn) {
        return drain(replayStream(runId, fromTurn, RunOptions.none()));
    }

    /**
     * Time travel: starts a new durable run ({@link #lastRunId()}) that holds the checkpoints of run
     * {@code runId} up to turn {@code fromTurn} and continues from there. The original run is unchanged.
     *
     * @throws IllegalArgumentException if the run has no such turn
     */
    public final MessageStream<TaskResult> replayStream(String runId, int fromTurn, RunOptions options) {
        CheckpointStore store = requireStore();
        List<Checkpoint> checkpoints = store.checkpoints(runId);
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint store has no run '" + runId + "'");
        }
        int lastTurn = checkpoints.get(checkpoints.size() - 1).turn();
        if (fromTurn < 0 || fromTurn > lastTurn) {
            throw new IllegalArgumentException("run '" + runId + "' has turns 0 to " + lastTurn + ", not " + fromTurn);
        }
        String replayId = RandomIds.uuid4();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.turn() <= fromTurn) {
                store.save(checkpoint.inRun(replayId, checkpoint.status()));
            }
        }
        return resumeStream(replayId, options);
    }

    private CheckpointStore requireStore() {
        CheckpointStore store = checkpointStore;
        if (store == null) {
            throw new IllegalStateException("team '" + name + "' has no checkpoint store; give it one with "
                    + "checkpointStore(...) to resume or replay runs");
        }
        return store;
    }

    /** The checkpoints since the team's last run ended: the turns of the run that is being resumed. */
    private static List<Checkpoint> openTurns(List<Checkpoint> checkpoints) {
        int start = 0;
        for (int i = 0; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).status() != RunStatus.RUNNING) {
                start = i + 1;
            }
        }
        return checkpoints.subList(start, checkpoints.size());
    }

    private List<BaseMessage> readMessages(Checkpoint checkpoint) {
        MessageFactory factory = wiring.messageFactory();
        List<BaseMessage> messages = new ArrayList<>();
        for (Map<String, Object> message : checkpoint.messages()) {
            messages.add(factory.create(message));
        }
        return messages;
    }

    /** Gives the termination condition what it was given before, so counters (messages, tokens) stand as they did. */
    private void replayTermination(List<BaseMessage> checked) {
        if (terminationCondition != null && !checked.isEmpty() && terminationCondition.check(checked) != null) {
            terminationCondition.reset();
        }
    }

    private static TaskResult drain(MessageStream<TaskResult> stream) {
        try (stream) {
            return stream.result();
        }
    }

    private MessageStream<TaskResult> start(RunOptions options, @Nullable DurableRun durable) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("team '" + name + "' is already running; it cannot run again until it is stopped");
        }
        CancellationToken token = options.cancellationTokenOrNew();
        try {
            acquireRuntime();
        } catch (RuntimeException | Error e) {
            running.set(false);
            throw e;
        }
        output.clear();
        RunCheckpoints checkpoints = wiring.checkpoints();
        if (durable != null) {
            checkpoints.begin(Objects.requireNonNull(checkpointStore), durable.runId(), name, durable.firstTurn(),
                    durable.continuing());
            lastRunId = durable.runId();
        }
        CancellationToken.Registration registration = token.onCancel(output::cancelled);
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                registration.close();
                if (token.isCancelled()) {
                    checkpoints.stopped(RunStatus.CANCELLED, "cancelled");
                }
                checkpoints.end();
                endRun();
            }
        };
        List<BaseChatMessage> task = options.task();
        runtime.sendMessageAsync(new GroupChatStart(task.isEmpty() ? null : task, options.outputTaskMessages()),
                wiring.managerId(), null, token, null).whenComplete((reply, error) -> {
                    if (error != null) {
                        output.failed(error);
                    }
                });
        List<BaseMessage> messages = new ArrayList<>(durable == null ? List.of() : durable.priorMessages());
        return MessageStream.pulling(() -> {
            try {
                return nextStep(token, messages, end);
            } catch (RuntimeException | Error e) {
                end.run();
                throw e;
            }
        }, () -> {
            token.cancel();
            end.run();
        });
    }

    /** Takes the run's next output item on the reader's thread: a message, or the end of the run. */
    private ResultStream.Step<BaseMessage, TaskResult> nextStep(CancellationToken token, List<BaseMessage> messages,
            Runnable end) throws InterruptedException {
        Object item;
        try {
            item = output.take();
        } catch (InterruptedException e) {
            token.cancel();
            end.run();
            throw e;
        }
        switch (item) {
            case OutputChannel.Cancelled cancelled -> throw new CancellationException("team '" + name + "' run cancelled");
            case OutputChannel.Failed failed -> throw runFailed(name, SerializableException.from(failed.error()));
            case GroupChatTermination termination -> {
                if (termination.error() != null) {
                    throw runFailed(name, termination.error());
                }
                end.run();
                return new ResultStream.Step.Done<>(new TaskResult(messages, termination.message().content()));
            }
            case BaseMessage message -> {
                if (!(message instanceof ModelClientStreamingChunkEvent)) {
                    messages.add(message);
                }
                return new ResultStream.Step.Item<>(message);
            }
            default -> throw new IllegalStateException("unexpected output item " + item);
        }
    }

    private void endRun() {
        try {
            releaseRuntime();
        } finally {
            running.set(false);
        }
    }

    /** Starts the team's own runtime for its first user, and registers the team's agents once. */
    private void acquireRuntime() {
        if (embeddedRuntime) {
            runtimeLock.lock();
            try {
                if (runtimeUsers++ == 0 && !runtime.isRunning()) {
                    runtime.start();
                }
            } finally {
                runtimeLock.unlock();
            }
        }
        initialize();
    }

    /** Stops the team's own runtime, once idle, when its last user is done. */
    private void releaseRuntime() {
        if (!embeddedRuntime) {
            return;
        }
        runtimeLock.lock();
        try {
            if (--runtimeUsers == 0 && runtime.isRunning()) {
                runtime.stopWhenIdle();
            }
        } finally {
            runtimeLock.unlock();
        }
    }

    private void initialize() {
        if (initialized) {
            return;
        }
        runtimeLock.lock();
        try {
            if (initialized) {
                return;
            }
            wiring.addSerializers(runtime);
            String groupTopicType = wiring.groupTopicType();
            for (Participant participant : participants) {
                if (!(participant instanceof RemoteParticipant)) {
                    wiring.registerContainer(runtime, participant);
                }
            }
            String managerType = wiring.managerType();
            runtime.registerFactory(managerType, context -> bound(createManager(wiring), context));
            runtime.addSubscription(new TypeSubscription(managerType, managerType));
            runtime.addSubscription(new TypeSubscription(groupTopicType, managerType));
            runtime.addSubscription(new TypeSubscription(wiring.outputTopicType(), managerType));
            initialized = true;
        } finally {
            runtimeLock.unlock();
        }
    }

    /** Binds an agent to the runtime that creates it, which may forward to another. */
    static <A extends BaseAgent> A bound(A agent, AgentInstantiationContext context) {
        agent.bindIdAndRuntime(context.agentId(), context.runtime());
        return agent;
    }

    private List<AgentId> participantIds() {
        return wiring.participantNames().stream().map(wiring::participantId).toList();
    }

    /**
     * Resets every participant and the manager: the conversation, the turn count and the termination condition.
     *
     * @throws IllegalStateException while the team is running
     */
    @Override
    public void reset() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("The group chat is currently running. It must be stopped before it can be reset.");
        }
        try {
            acquireRuntime();
            for (AgentId id : participantIds()) {
                runtime.sendMessage(new GroupChatReset(), id);
            }
            runtime.sendMessage(new GroupChatReset(), wiring.managerId());
            output.clear();
        } finally {
            endRun();
        }
    }

    /**
     * Pauses every participant (its {@code onPause}) through the runtime; the run goes on. Each
     * participant handles the pause at once, even in the middle of its turn.
     *
     * @throws IllegalStateException if the team has never run
     */
    @Override
    public void pause() {
        sendToAll(new GroupChatPause(), "paused");
    }

    /**
     * Resumes every participant (its {@code onResume}) through the runtime.
     *
     * @throws IllegalStateException if the team has never run
     */
    @Override
    public void resume() {
        sendToAll(new GroupChatResume(), "resumed");
    }

    private void sendToAll(Object message, String verb) {
        if (!initialized) {
            throw new IllegalStateException("team '" + name + "' has not been initialized. It must be run before it can be "
                    + verb + ".");
        }
        acquireRuntime();
        try {
            for (AgentId id : participantIds()) {
                runtime.sendMessage(message, id);
            }
            runtime.sendMessage(message, wiring.managerId());
        } finally {
            releaseRuntime();
        }
    }

    /**
     * The team's state, Python's {@code TeamState}: each participant's container state by name, and the
     * manager's state under the manager's name. Saving while a run is in progress may see a half-finished turn.
     */
    @Override
    public Map<String, Object> saveState() {
        initialize();
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        List<AgentId> ids = participantIds();
        for (int i = 0; i < ids.size(); i++) {
            states.put(wiring.participantNames().get(i), runtime.agentSaveState(ids.get(i)));
        }
        states.put(managerName, runtime.agentSaveState(wiring.managerId()));
        return TeamState.of(states).toMap();
    }

    /**
     * Checks that {@code state} is a team state this team can take: its {@code agent_states} name only
     * this team's participants and manager, each with a state object.
     */
    private void checkAgentStates(Map<String, ?> state) {
        Object type = state.get("type");
        if (type != null && !TeamState.TYPE.equals(type)) {
            throw new IllegalArgumentException("type: expected 'TeamState' but found '" + type + "'; this is not the"
                    + " state of a team");
        }
        if (!(state.get("agent_states") instanceof Map<?, ?> agentStates)) {
            throw new IllegalArgumentException("agent_states: expected an object mapping agent names to their states but found "
                    + (state.get("agent_states") == null ? "nothing" : "a " + typeName(state.get("agent_states"))));
        }
        List<String> participants = wiring.participantNames();
        for (Map.Entry<?, ?> entry : agentStates.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!key.equals(managerName) && !participants.contains(key)) {
                throw new IllegalArgumentException("agent_states." + key + ": " + (key.endsWith("Manager")
                        ? "the state was saved by another kind of team (its manager is '" + key + "'; this team's is '"
                                + managerName + "')"
                        : "team '" + name + "' has no participant '" + key + "'; its participants are " + participants));
            }
            if (!(entry.getValue() instanceof Map)) {
                throw new IllegalArgumentException("agent_states." + key + ": expected an object (the agent's state) but found "
                        + (entry.getValue() == null ? "null" : "a " + typeName(entry.getValue())));
            }
        }
    }

    private static String typeName(Object value) {
        return switch (value) {
            case String s -> "string";
            case Number n -> "number";
            case Boolean b -> "boolean";
            case List<?> l -> "list";
            default -> "value";
        };
    }

    private void loadAgentState(String agent, AgentId id, Map<String, Object> agentState) {
        try {
            runtime.agentLoadState(id, agentState);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("agent_states." + agent + "." + message, e);
        }
    }

    /** Restores a state saved by {@link #saveState()}, also into a new team with the same participant names. */
    @Override
    public void loadState(Map<String, ?> state) {
        if (running.get()) {
            throw new IllegalStateException("team '" + name + "' is running; load its state when it is stopped");
        }
        initialize();
        checkAgentStates(state);
        TeamState teamState = AgentChatState.fromMap(state, TeamState.class, TeamState.TYPE);
        List<AgentId> ids = participantIds();
        for (int i = 0; i < ids.size(); i++) {
            String participant = wiring.participantNames().get(i);
            Map<String, Object> participantState = teamState.agentStates().get(participant);
            if (participantState != null) {
                loadAgentState(participant, ids.get(i), participantState);
            }
        }
        Map<String, Object> managerState = teamState.agentStates().get(managerName);
        if (managerState != null) {
            loadAgentState(managerName, wiring.managerId(), managerState);
        }
    }

    /** Closes the team's own runtime, if it has one. */
    @Override
    public void close() {
        if (embeddedRuntime) {
            runtime.close();
        }
    }

    /** The exception a failed run throws: the original cause and the participant's name unwrapped. */
    static TeamRunException runFailed(String team, SerializableException error) {
        if (error.cause() instanceof ChatAgentContainer.ParticipantException failed && failed.getCause() != null) {
            Throwable original = failed.getCause();
            return new TeamRunException(team, failed.participant(), original.getClass().getSimpleName(),
                    ChatAgentContainer.ParticipantException.describe(original), original);
        }
        // From another process: only the text says which participant failed.
        Matcher m = PARTICIPANT_FAILED.matcher(error.errorMessage());
        if (m.lookingAt()) {
            return new TeamRunException(team, m.group(1), error.errorType(), error.errorMessage().substring(m.end()),
                    error.cause());
        }
        return new TeamRunException(team, null, error.errorType(), error.errorMessage(), error.cause());
    }

    /**
     * The options every group chat shares; each team's builder extends it.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        final List<Participant> participants;
        String name;
        String description = "A team of agents.";
        @Nullable TerminationCondition terminationCondition;
        @Nullable Integer maxTurns;
        @Nullable AgentRuntime runtime;
        @Nullable String teamId;
        final List<Class<? extends BaseMessage>> customMessageTypes = new ArrayList<>();
        boolean emitTeamEvents;

        /** Starts a builder for a team of {@code participants}, named {@code defaultName} unless renamed. */
        protected Builder(List<? extends Participant> participants, String defaultName) {
            this.participants = List.copyOf(participants);
            this.name = defaultName;
        }

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /** The team's name, unique within a parent team. */
        public B name(String newName) {
            this.name = Objects.requireNonNull(newName, "name");
            return self();
        }

        /** What the team does. */
        public B description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return self();
        }

        /** When a run stops; without one (and without {@link #maxTurns}) a run goes on until cancelled. */
        public B terminationCondition(@Nullable TerminationCondition condition) {
            this.terminationCondition = condition;
            return self();
        }

        /** The most turns one run takes; counted afresh in each run. */
        public B maxTurns(@Nullable Integer turns) {
            this.maxTurns = turns;
            return self();
        }

        /** The Core runtime hosting the team; the team makes its own when none is given. */
        public B runtime(@Nullable AgentRuntime agentRuntime) {
            this.runtime = agentRuntime;
            return self();
        }

        /**
         * The key of the team's agents and topics on the runtime; a new random one when not set. A team
         * with {@link RemoteParticipant}s needs one that the processes serving them know
         * (letters, digits, {@code _}, {@code -} and {@code .}).
         */
        public B teamId(@Nullable String id) {
            this.teamId = id;
            return self();
        }

        /** Custom message types the participants produce, so the team can read them back from state. */
        @SafeVarargs
        public final B customMessageTypes(Class<? extends BaseMessage>... types) {
            customMessageTypes.addAll(List.of(types));
            return self();
        }

        /** Whether team events such as {@code SelectSpeakerEvent} appear in the output. */
        public B emitTeamEvents(boolean emit) {
            this.emitTeamEvents = emit;
            return self();
        }
    }
}
