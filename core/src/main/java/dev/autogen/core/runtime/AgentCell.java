package dev.autogen.core.runtime;

import dev.autogen.core.Agent;
import dev.autogen.core.AgentId;
import dev.autogen.core.utils.Concurrency;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One agent in an {@link InProcessAgentRuntime}: its lazily created instance and its mailbox. A
 * single drain task at a time takes messages from the mailbox on a virtual thread, so an agent
 * handles one message at a time; {@link #lock} is held while a handler or a state operation runs,
 * so state is never read or written while a handler changes it.
 */
final class AgentCell implements Runnable {
    private static final int BATCH = 64;
    /** An atomic flag without an object per cell: idle teams keep thousands of cells. */
    private static final VarHandle SCHEDULED;

    static {
        try {
            SCHEDULED = MethodHandles.lookup().findVarHandle(AgentCell.class, "scheduled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final AgentId id;
    final ReentrantLock lock = new ReentrantLock();
    private final InProcessAgentRuntime runtime;
    private final ConcurrentLinkedQueue<Envelope> mailbox = new ConcurrentLinkedQueue<>();
    /** Whether a drain task holds the mailbox; set through {@link #SCHEDULED}. */
    private volatile boolean scheduled;
    private volatile @Nullable Agent agent;

    AgentCell(AgentId id, InProcessAgentRuntime runtime, @Nullable Agent agent) {
        this.id = id;
        this.runtime = runtime;
        this.agent = agent;
    }

    boolean isInstantiated() {
        return agent != null;
    }

    /** The agent, created by its type's factory on first use. */
    Agent agent() {
        Agent current = agent;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            current = agent;
            if (current == null) {
                current = runtime.instantiate(id);
                agent = current;
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    void enqueue(Envelope envelope) {
        mailbox.offer(envelope);
        schedule();
    }

    /**
     * Takes the drain role for one message that the caller will dispatch on its own thread: only
     * while running, with an empty mailbox and no drain task, so messages keep their order and the
     * agent still handles one at a time. A successful claim must be followed by {@link #release()}.
     */
    boolean tryClaim() {
        return runtime.isRunning() && mailbox.isEmpty() && SCHEDULED.compareAndSet(this, false, true);
    }

    /** Gives up a claim, scheduling a drain task for messages that arrived meanwhile. */
    void release() {
        scheduled = false;
        schedule();
    }

    void schedule() {
        if (runtime.isRunning() && !mailbox.isEmpty() && SCHEDULED.compareAndSet(this, false, true)) {
            runtime.execute(this);
        }
    }

    /**
     * Drains up to a batch of messages, then lets other agents run. When a handler hands work off to
     * run after its delivery ({@link Concurrency#runAfterDelivery}), this thread gives the mailbox up to
     * a new drain task and runs that work itself.
     */
    @Override
    public void run() {
        Concurrency.AfterDelivery afterDelivery = Concurrency.acceptTaskAfterDelivery();
        Runnable handedOff = null;
        try {
            for (int processed = 0; processed < BATCH && runtime.isRunning(); processed++) {
                Envelope envelope = mailbox.poll();
                if (envelope == null) {
                    break;
                }
                runtime.dispatch(this, envelope);
                handedOff = afterDelivery.take();
                if (handedOff != null) {
                    break;
                }
            }
        } finally {
            afterDelivery.close();
            scheduled = false;
            schedule();
        }
        if (handedOff != null) {
            handedOff.run();
        }
    }

    /** Removes every queued message, for a runtime being closed. */
    @Nullable Envelope pollQueued() {
        return mailbox.poll();
    }
}
