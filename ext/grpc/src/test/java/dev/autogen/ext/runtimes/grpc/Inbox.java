package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What an observing agent received, for a test to wait on: each message within 60 s, never a short window. */
final class Inbox<T> {
    private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

    void add(T message) {
        received.add(message);
    }

    void clear() {
        received.clear();
    }

    /** The next {@code count} messages, in the order they arrived. */
    List<T> take(int count) throws InterruptedException {
        List<T> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            T message = received.poll(60, TimeUnit.SECONDS);
            assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
            got.add(message);
        }
        return got;
    }
}
