package dev.autogen.core.utils;

import dev.autogen.core.CancellationToken;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The implementation of {@link ResultStream} that named stream types extend (such as
 * {@code MessageStream} and {@code ChatCompletionStream}): it asks a {@link ResultStream.Pull} for
 * each step on the reader's thread. Support code: build streams with the factories of
 * {@link ResultStream} or of the named types.
 *
 * @param <T> the items
 * @param <R> the final result
 */
public abstract class AbstractResultStream<T, R> implements ResultStream<T, R> {
    private final Pull<T, R> pull;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable Iterator<T> view;
    private @Nullable T next;
    private boolean hasBuffered;
    private volatile boolean finished;
    private @Nullable R result;
    private @Nullable RuntimeException failureException;
    private @Nullable Error failureError;

    /**
     * A stream that asks {@code pull} for each step on the reader's thread; {@code onClose} runs once
     * if the stream is closed (or the reader interrupted) before the result is reached; see
     * {@link ResultStream#pulling}.
     */
    protected AbstractResultStream(Pull<T, R> pull, Runnable onClose) {
        this.pull = Objects.requireNonNull(pull, "pull");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** A pull that returns {@code items}, then {@code result}. */
    protected static <T, R> Pull<T, R> listPull(List<? extends T> items, R result) {
        Iterator<? extends T> it = List.copyOf(items).iterator();
        return () -> it.hasNext() ? new Step.Item<>(it.next()) : new Step.Done<>(result);
    }

    /** A close action that cancels {@code token}, stops {@code producer} and waits until it has ended. */
    protected static Runnable stopping(CancellationToken token, ProducerIterator<?, ?> producer) {
        Objects.requireNonNull(token, "token");
        return () -> {
            token.cancel();
            producer.stop();
            producer.awaitStopped();
        };
    }

    @Override
    public Iterator<T> iterator() {
        if (view != null) {
            throw new IllegalStateException("a " + getClass().getSimpleName() + " can be iterated only once");
        }
        view = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public T next() {
                if (!advance()) {
                    throw new NoSuchElementException();
                }
                T item = next;
                next = null;
                hasBuffered = false;
                return item;
            }
        };
        return view;
    }

    private boolean advance() {
        if (hasBuffered) {
            return true;
        }
        if (finished) {
            return false;
        }
        rethrowFailure();
        if (closed.get() && !isFinished()) {
            throw new CancellationException("the stream was closed");
        }
        Step<T, R> step;
        try {
            step = Objects.requireNonNull(pull.next(), "stream step");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            var cancelled = new CancellationException("interrupted while waiting for the next stream item");
            cancelled.initCause(e);
            throw cancelled;
        } catch (RuntimeException e) {
            failureException = e;
            throw e;
        } catch (Error e) {
            failureError = e;
            throw e;
        }
        switch (step) {
            case Step.Item<T, R> item -> {
                next = Objects.requireNonNull(item.item(), "stream item");
                hasBuffered = true;
                return true;
            }
            case Step.Done<T, R> done -> {
                result = done.result();
                finished = true;
                return false;
            }
        }
    }

    private void rethrowFailure() {
        if (failureException != null) {
            throw failureException;
        }
        if (failureError != null) {
            throw failureError;
        }
    }

    @Override
    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        Iterator<T> it = view != null ? view : iterator();
        while (it.hasNext()) {
            action.accept(it.next());
        }
    }

    @Override
    public ResultStream<T, R> peek(Consumer<? super T> action) {
        return new SimpleResultStream<>(peeking(action), this::close);
    }

    /** The pull of {@link #peek}: this stream's items, each passed to {@code action}, then its result. */
    protected final Pull<T, R> peeking(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        Iterator<T> items = iterator();
        return () -> {
            if (!items.hasNext()) {
                return new Step.Done<>(result());
            }
            T item = items.next();
            action.accept(item);
            return new Step.Item<>(item);
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public R result() {
        if (!finished) {
            Iterator<T> it = view != null ? view : iterator();
            while (it.hasNext()) {
                it.next();
            }
        }
        return result;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /**
     * Runs the close action if the stream has neither finished nor failed: a stream whose work ended
     * with an exception has nothing left to cancel, and cancelling would turn that failure into a
     * cancellation for whoever shares the token.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && !isFinished() && failureException == null && failureError == null) {
            onClose.run();
        }
    }
}
