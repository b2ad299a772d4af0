package dev.autogen.ext.runtimes.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** What an observing agent received, for a test to wait on (each message within a generous bound). */
public final class Inbox<T> {
    private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

    public void add(T message) {
        received.add(message);
    }

    public void clear() {
        received.clear();
    }

    /** The next message, or null if none came within {@code wait}. */
    public @Nullable T poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code count} messages, in the order they arrived; fails if one takes over 60 s. */
    public List<T> take(int count) throws InterruptedException {
        List<T> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            T message = received.poll(60, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("message " + (i + 1) + " of " + count + " did not arrive within 60 s; got " + got);
            }
            got.add(message);
        }
        return got;
    }
}
