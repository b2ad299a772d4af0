package dev.autogen.core.utils;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An iterator fed by a producer running on its own virtual thread: the producer hands each item to
 * the {@link Consumer} it is given and waits until the reader takes it, so it never runs ahead of the
 * reader (the pull semantics of a Python async generator). When the producer returns, its return value
 * becomes {@link #result()}; when it throws, the exception is rethrown to the reader.
 *
 * <pre>{@code
 * var numbers = ProducerIterator.<Integer, String>start("counter", emit -> {
 *     for (int i = 0; i < 3; i++) emit.accept(i);
 *     return "done";
 * });
 * while (numbers.hasNext()) System.out.println(numbers.next());
 * String summary = numbers.result();
 * }</pre>
 *
 * <p>Read from one thread. {@link #stop()} may be called from any thread: it interrupts the producer;
 * {@link #awaitStopped()} then waits for it to end.
 *
 * @param <T> the items
 * @param <R> the producer's return value
 */
public final class ProducerIterator<T, R> implements Iterator<T> {
    private static final Object END = new Object();

    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
    private final Thread thread;
    private @Nullable Object next;
    private boolean ended;
    private @Nullable R result;

    private ProducerIterator(String threadName, Function<Consumer<T>, R> producer) {
        this.thread = Concurrency.newThread(threadName, () -> run(producer));
    }

    /** Starts {@code producer} on a new virtual thread named {@code threadName}. */
    public static <T, R> ProducerIterator<T, R> start(String threadName, Function<Consumer<T>, R> producer) {
        Objects.requireNonNull(producer, "producer");
        var iterator = new ProducerIterator<T, R>(threadName, producer);
        iterator.thread.start();
        return iterator;
    }

    private void run(Function<Consumer<T>, R> producer) {
        Object last;
        try {
            last = new Done(producer.apply(item -> {
                try {
                    queue.transfer(Objects.requireNonNull(item, "stream item"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("the reader stopped the stream");
                }
            }));
        } catch (RuntimeException | Error e) {
            last = e;
        }
        queue.put(last); // does not wait: the producer ends even if nobody reads the end
    }

    /**
     * This iterator as the source of a {@link ResultStream#pulling} stream: each step waits for the
     * producer's next item or its end. Use either the pull or the iterator methods, not both.
     */
    public ResultStream.Pull<T, R> pull() {
        return () -> {
            if (ended) {
                return new ResultStream.Step.Done<>(result);
            }
            if (next == null) {
                next = queue.take();
            }
            if (check()) {
                @SuppressWarnings("unchecked")
                T item = (T) next;
                next = null;
                return new ResultStream.Step.Item<>(item);
            }
            return new ResultStream.Step.Done<>(result);
        };
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the next stream item");
            }
        }
        return check();
    }

    private boolean check() {
        if (next instanceof Done done) {
            @SuppressWarnings("unchecked")
            R value = (R) done.value();
            result = value;
            ended = true;
            next = null;
            return false;
        }
        if (next instanceof RuntimeException e) {
            ended = true;
            next = null;
            throw e;
        }
        if (next instanceof Error e) {
            ended = true;
            next = null;
            throw e;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        @SuppressWarnings("unchecked")
        T item = (T) next;
        next = null;
        return item;
    }

    /** Whether the producer has finished and its result (or exception) has been read. */
    public boolean isEnded() {
        return ended;
    }

    /**
     * The producer's return value, once {@link #hasNext()} has returned {@code false}.
     *
     * @throws IllegalStateException before the end was reached
     */
    public @Nullable R result() {
        if (!ended) {
            throw new IllegalStateException("the stream has not ended yet: read it to the end first");
        }
        return result;
    }

    /** Interrupts the producer if it is still running; the reader then sees its exception or the end. */
    public void stop() {
        thread.interrupt();
    }

    /**
     * Waits until the producer has returned or thrown, so that nothing it does happens after this
     * returns. Returns at once when called on the producer's own thread, or when the waiting thread is
     * interrupted (its interrupt flag is then set again).
     */
    public void awaitStopped() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Done(@Nullable Object value) {
    }
}
