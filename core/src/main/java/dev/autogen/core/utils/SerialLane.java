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
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            line.add(task);
            if (draining) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        Concurrency.startThread(threadName, this::drain);
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
