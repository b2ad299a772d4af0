package dev.autogen.agentchat.teams;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The state each local container of a durable run took of itself after the latest group message it
 * handled, by participant, for the manager's checkpoint of the turn. Made at a team's first durable
 * run, so a team that never checkpoints keeps none of it.
 */
final class TakenStates {
    /** A state a local container took of itself right after handling {@code after}; null if it could not. */
    private record Taken(Object after, @Nullable String stateJson) {
    }

    /** The last state each local container took of itself, by participant; under {@link #lock}. */
    private final Map<String, Taken> taken = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition updated = lock.newCondition();

    /**
     * A local container's state, as JSON (null if it could not be written), right after the container
     * handled the group message {@code after}, or published it (its own response).
     */
    void put(String participant, Object after, @Nullable String stateJson) {
        lock.lock();
        try {
            taken.put(participant, new Taken(after, stateJson));
            updated.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the state a container took: its state changed in another way (a reset, a load, a turn that began). */
    void forget(String participant) {
        lock.lock();
        try {
            taken.remove(participant);
        } finally {
            lock.unlock();
        }
    }

    /** The state {@code participant}'s container took right after {@code after}, if that is its latest; else null. */
    @Nullable String takenAfter(String participant, Object after) {
        lock.lock();
        try {
            Taken state = taken.get(participant);
            return state != null && state.after() == after ? state.stateJson() : null;
        } finally {
            lock.unlock();
        }
    }

    /** The last state the container of {@code participant} took, if nothing changed it since; else null. */
    @Nullable String current(String participant) {
        lock.lock();
        try {
            Taken state = taken.get(participant);
            return state == null ? null : state.stateJson();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the local container of {@code participant} has taken its state right after
     * {@code after}, the last group message of the turn it handles, or until {@code asked} (its answer to
     * a {@link SnapshotRequest} sent after that message, which it answers only once it handled it) is
     * done, whichever comes first: the state it took, or null when the answer is to be used (the container
     * did not take its state after {@code after}, or could not write it).
     */
    @Nullable String awaitTakenAfter(String participant, Object after, CompletableFuture<?> asked)
            throws InterruptedException {
        asked.whenComplete((answer, failure) -> signal());
        lock.lock();
        try {
            while (true) {
                Taken state = taken.get(participant);
                if (state != null && state.after() == after && state.stateJson() != null) {
                    return state.stateJson();
                }
                if (asked.isDone()) {
                    return null;
                }
                updated.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            updated.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
