package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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

    private volatile @Nullable Active active;
    private volatile int nextTurn;
    /** Made by the first {@link #begin}: a team that never checkpoints keeps none of it. */
    private volatile @Nullable TakenStates taken;

    /**
     * Starts writing the checkpoints of run {@code runId}, numbering from {@code firstTurn};
     * {@code continuing} when the run resumes where it stopped (so its turn count is kept).
     */
    void begin(CheckpointStore store, String runId, String teamName, int firstTurn, boolean continuing) {
        nextTurn = firstTurn;
        if (taken == null) {
            taken = new TakenStates();
        }
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
        TakenStates states = taken;
        if (states != null) {
            states.put(participant, after, stateJson);
        }
    }

    /** Forgets the state a container took: its state changed in another way (a reset, a load, a turn that began). */
    void stateChanged(String participant) {
        TakenStates states = taken;
        if (states != null) {
            states.forget(participant);
        }
    }

    /** The state {@code participant}'s container took right after {@code after}, if that is its latest; else null. */
    @Nullable String stateTakenAfter(String participant, Object after) {
        TakenStates states = taken;
        return states == null ? null : states.takenAfter(participant, after);
    }

    /** The last state the container of {@code participant} took, if nothing changed it since; else null. */
    @Nullable String currentState(String participant) {
        TakenStates states = taken;
        return states == null ? null : states.current(participant);
    }

    /**
     * Waits until the local container of {@code participant} has taken its state right after
     * {@code after}, or until {@code asked} (its answer to a {@link SnapshotRequest}) is done, whichever
     * comes first: see {@link TakenStates#awaitTakenAfter}.
     */
    @Nullable String awaitStateTakenAfter(String participant, Object after, CompletableFuture<?> asked)
            throws InterruptedException {
        TakenStates states = taken;
        return states == null ? null : states.awaitTakenAfter(participant, after, asked);
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
