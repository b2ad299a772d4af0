package dev.autogen.core.utils;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks one at a time, in the order they were submitted, on a virtual thread that exists only
 * while there is work. The agents that take their protocol messages in order (a
 * {@code SequentialRoutedAgent}, the group chat's manager and containers) put each turn here, so the
 * runtime hands them the next message at once instead of waiting behind a long turn. Thread-safe.
 */
public final class SerialLane {
    private final String threadName;
    /**
     * The tasks waiting behind the running one; made when one has to wait and dropped when the lane
     * runs dry, since an idle lane (most of them, most of the time) should cost nothing. Guarded by
     * this lane's monitor, which is never held while a task runs or anything blocks.
     */
    private @Nullable Queue<Runnable> line;
    private @Nullable Runnable first;
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
        synchronized (this) {
            if (draining) {
                if (line == null) {
                    line = new ArrayDeque<>(2);
                }
                line.add(task);
                return false;
            }
            draining = true;
            first = task;
            return true;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = first;
                first = null;
                if (next == null && line != null) {
                    next = line.poll();
                }
                if (next == null) {
                    line = null;
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }
}
