package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of a team's current run: which store and run id its checkpoints go to, the number of
 * the next one, and the state each local container took of itself after the latest turn. Set by the team
 * when a run starts and cleared when it ends; written to by the containers after each group message and
 * by the manager after every completed turn. Inactive when the team has no store.
 */
final class RunCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(RunCheckpoints.class);

    /** One run's settings; immutable, swapped whole. */
    private record Active(CheckpointStore store, String runId, String teamName, boolean continuing) {
    }

    /** A state a local container took of itself right after handling {@code after}; null if it could not. */
    private record Taken(Object after, @Nullable String stateJson) {
    }

    private volatile @Nullable Active active;
    private volatile int nextTurn;
    /** The last state each local container took of itself, by participant; under {@link #takenLock}. */
    private final Map<String, Taken> taken = new HashMap<>();
    private final ReentrantLock takenLock = new ReentrantLock();
    private final Condition takenChanged = takenLock.newCondition();

    /**
     * Starts writing the checkpoints of run {@code runId}, numbering from {@code firstTurn};
     * {@code continuing} when the run resumes where it stopped (so its turn count is kept).
     */
    void begin(CheckpointStore store, String runId, String teamName, int firstTurn, boolean continuing) {
        nextTurn = firstTurn;
        active = new Active(store, runId, teamName, continuing);
    }

    void end() {
        active = null;
    }

    boolean isActive() {
        return active != null;
    }

    /** Whether the current run continues a stopped one, keeping its turn count. */
    boolean continuing() {
        Active run = active;
        return run != null && run.continuing();
    }

    /**
     * Writes the checkpoint of a completed turn: the JSON of the messages it added and of the team's
     * state after it (taken only now, when nobody is speaking), and where the run stands.
     */
    void save(String messagesJson, int checkedFrom, RunStatus status, @Nullable String stopReason,
            String teamStateJson) {
        Active run = active;
        if (run == null) {
            return;
        }
        var checkpoint = new Checkpoint(run.runId(), nextTurn, run.teamName(), status, stopReason, teamStateJson,
                messagesJson, checkedFrom, Instant.now(), Checkpoint.VERSION);
        try {
            run.store().save(checkpoint);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not write checkpoint " + checkpoint.turn() + " of run '"
                    + run.runId() + "': " + e.getMessage(), e);
        }
        nextTurn++;
    }

    /**
     * A local container's state, as JSON (null if it could not be written), right after the container
     * handled the group message {@code after}, or published it (its own response).
     */
    void stateTaken(String participant, Object after, @Nullable String stateJson) {
        takenLock.lock();
        try {
            taken.put(participant, new Taken(after, stateJson));
            takenChanged.signalAll();
        } finally {
            takenLock.unlock();
        }
    }

    /** Forgets the state a container took: its state changed in another way (a reset, a load, a turn that began). */
    void stateChanged(String participant) {
        takenLock.lock();
        try {
            taken.remove(participant);
        } finally {
            takenLock.unlock();
        }
    }

    /** The state {@code participant}'s container took right after {@code after}, if that is its latest; else null. */
    @Nullable String stateTakenAfter(String participant, Object after) {
        takenLock.lock();
        try {
            Taken state = taken.get(participant);
            return state != null && state.after() == after ? state.stateJson() : null;
        } finally {
            takenLock.unlock();
        }
    }

    /** The last state the container of {@code participant} took, if nothing changed it since; else null. */
    @Nullable String currentState(String participant) {
        takenLock.lock();
        try {
            Taken state = taken.get(participant);
            return state == null ? null : state.stateJson();
        } finally {
            takenLock.unlock();
        }
    }

    /**
     * Waits until the local container of {@code participant} has taken its state right after
     * {@code after}, the last group message of the turn it handles, or until {@code asked} (its answer to
     * a {@link SnapshotRequest} sent after that message, which it answers only once it handled it) is
     * done, whichever comes first: the state it took, or null when the answer is to be used (the container
     * did not take its state after {@code after}, or could not write it).
     */
    @Nullable String awaitStateTakenAfter(String participant, Object after, CompletableFuture<?> asked)
            throws InterruptedException {
        asked.whenComplete((answer, failure) -> signal());
        takenLock.lock();
        try {
            while (true) {
                Taken state = taken.get(participant);
                if (state != null && state.after() == after && state.stateJson() != null) {
                    return state.stateJson();
                }
                if (asked.isDone()) {
                    return null;
                }
                takenChanged.await();
            }
        } finally {
            takenLock.unlock();
        }
    }

    private void signal() {
        takenLock.lock();
        try {
            takenChanged.signalAll();
        } finally {
            takenLock.unlock();
        }
    }

    /** Records that the run failed or was cancelled after its last checkpoint. */
    void stopped(RunStatus status, @Nullable String reason) {
        Active run = active;
        if (run == null) {
            return;
        }
        try {
            if (run.store().run(run.runId()).isPresent()) {
                run.store().updateStatus(run.runId(), status, reason);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record that run '{}' {}: {}", run.runId(), status.label(), e.getMessage(), e);
        }
    }
}
