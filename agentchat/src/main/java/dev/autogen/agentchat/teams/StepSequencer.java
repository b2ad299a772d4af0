package dev.autogen.agentchat.teams;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Puts what the speakers of one step publish in the order the manager selected them, however their
 * turns interleave. When a step asks several participants to speak (a graph's fan-out), their turns
 * run in parallel, but a speaker's output and response go out only once the manager has asked every
 * speaker of the step, and only after the speakers before it have published their responses. So each
 * speaker sees the conversation as it was when the step began, and everyone (the manager, the other
 * participants, the caller) receives the step's messages in the selected order: what Python's
 * single-threaded runtime gives on fast models, made to hold on slow ones.
 *
 * <p>One per team, shared by its manager and its participants' containers in this process. Only the
 * speakers this process serves take part: a {@link RemoteParticipant}'s container, in another process,
 * publishes when its turn ends, so its messages keep the order in which they arrive.
 */
final class StepSequencer {
    /** A speaker's place in a step; a ticket of an earlier step, or for no step, never waits. */
    record Ticket(long step, int position) {
        static final Ticket NONE = new Ticket(-1, 0);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long step;
    private List<String> speakers = List.of();
    private boolean requested;
    private int published;

    /** The manager is about to ask {@code speakers}, in this order, to speak. */
    void begin(List<String> speakers) {
        lock.lock();
        try {
            step++;
            this.speakers = List.copyOf(speakers);
            requested = false;
            published = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The manager has asked every speaker of the step. */
    void requested() {
        lock.lock();
        try {
            requested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the current step early (the run stopped or was reset): nobody waits for it any more. */
    void abandon() {
        begin(List.of());
    }

    /** The place of {@code speaker}, asked to speak, in the current step. */
    Ticket enter(String speaker) {
        lock.lock();
        try {
            int position = speakers.indexOf(speaker);
            return position < 0 ? Ticket.NONE : new Ticket(step, position);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the holder of {@code ticket} may publish now. */
    boolean isTurn(Ticket ticket) {
        lock.lock();
        try {
            return isTurnLocked(ticket);
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code ticket} belongs to the current step (not one that ended or was abandoned). */
    boolean isCurrent(Ticket ticket) {
        lock.lock();
        try {
            return ticket.step() == step;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the holder of {@code ticket} may publish. */
    void awaitTurn(Ticket ticket) throws InterruptedException {
        lock.lock();
        try {
            while (!isTurnLocked(ticket)) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every speaker of the current step has published its response, or given up. */
    void awaitStepPublished() throws InterruptedException {
        lock.lock();
        try {
            long current = step;
            while (step == current && published < speakers.size()) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The holder of {@code ticket} has published its response, or given up; the next speaker may go. */
    void finished(Ticket ticket) {
        lock.lock();
        try {
            if (ticket.step() == step && ticket.position() == published) {
                published++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isTurnLocked(Ticket ticket) {
        return ticket.step() != step || (requested && published == ticket.position());
    }
}
