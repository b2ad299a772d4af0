package dev.autogen.core.utils;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks one at a time, in the order they were submitted, on a virtual thread that exists only
 * while there is work. The agents that take their protocol messages in order (a
 * {@code SequentialRoutedAgent}, the group chat's manager and containers) put each turn here, so the
 * runtime hands them the next message at once instead of waiting behind a long turn. Thread-safe.
 */
public final class SerialLane {
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    /** Mostly empty or holding one task: starts small rather than at the default 16 slots. */
    private final Queue<Runnable> line = new ArrayDeque<>(1);
    private boolean draining;

    /**
     * A lane whose thread is named {@code threadName}: one name per kind of owner (not per agent), so
     * starting a lane's thread builds no string and a lane keeps none of its own.
     */
    public SerialLane(String threadName) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    /** Puts {@code task} in line; it runs after every task submitted before it. */
    public void submit(Runnable task) {
        if (enqueue(task)) {
            Concurrency.startThread(threadName, this::drain);
        }
    }

    /**
     * {@link #submit} for a caller that will not wait for {@code task} while it handles the current
     * message: when the lane is idle and the caller is a runtime's mailbox thread, the task runs on that
     * thread once the message is handled ({@link Concurrency#runAfterDelivery}) rather than on a new one,
     * which saves a thread start and a hand-off per message.
     */
    public void submitWithoutWaiting(Runnable task) {
        if (enqueue(task) && !Concurrency.runAfterDelivery(this::drain)) {
            Concurrency.startThread(threadName, this::drain);
        }
    }

    /** Puts {@code task} in line; true when the lane was idle, so the caller must start draining it. */
    private boolean enqueue(Runnable task) {
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            line.add(task);
            if (draining) {
                return false;
            }
            draining = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = line.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            next.run();
        }
    }
}
