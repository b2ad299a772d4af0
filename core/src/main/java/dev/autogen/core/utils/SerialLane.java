package dev.autogen.core.utils;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks one at a time, in the order they were submitted, on a virtual thread that exists only
 * while there is work. The agents that take their protocol messages in order (a
 * {@code SequentialRoutedAgent}, the group chat's manager and containers) put each turn here, so the
 * runtime hands them the next message at once instead of waiting behind a long turn. Thread-safe.
 */
public final class SerialLane {
    private final Supplier<String> threadName;
    private volatile @Nullable String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> line = new ArrayDeque<>();
    private boolean draining;

    /** A lane whose thread is named by {@code threadName} when it starts (the owner may not know its name yet). */
    public SerialLane(Supplier<String> threadName) {
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
        Concurrency.startThread(name(), this::drain);
    }

    /** The thread name, asked for once its owner can give it. */
    private String name() {
        String known = name;
        if (known == null) {
            known = threadName.get();
            name = known;
        }
        return known;
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
