package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.ProducerIterator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a run as they are produced, then its result: Java's form of Python's
 * {@code run_stream()} / {@code on_messages_stream()} async generators. The run advances only as you
 * read, like a Python generator. Iterate it once inside try-with-resources; {@link #result()} gives the
 * final {@link TaskResult} or {@link Response} (reading whatever is left). Closing it before the end
 * cancels the run.
 *
 * <pre>{@code
 * try (MessageStream<TaskResult> stream = agent.runStream("Hello")) {
 *     for (BaseMessage message : stream) {
 *         if (message instanceof ModelClientStreamingChunkEvent chunk) System.out.print(chunk.content());
 *     }
 *     TaskResult result = stream.result();
 * }
 * }</pre>
 *
 * <p>Read from one thread; {@link #close()} may be called from any thread. A failure of the run is
 * rethrown to the reader as it was thrown; cancellation surfaces as {@link CancellationException}.
 *
 * @param <R> the final result: {@link TaskResult} for runs, {@link Response} for {@code onMessagesStream}
 */
public final class MessageStream<R> implements Iterable<BaseMessage>, AutoCloseable {
    private final Iterator<BaseMessage> source;
    private final Function<Iterator<BaseMessage>, R> resultOf;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable Iterator<BaseMessage> view;
    private boolean finished;
    private @Nullable R result;

    private MessageStream(Iterator<BaseMessage> source, Function<Iterator<BaseMessage>, R> resultOf, Runnable onClose) {
        this.source = source;
        this.resultOf = resultOf;
        this.onClose = onClose;
    }

    /**
     * A stream fed by {@code producer}, which runs on a virtual thread, hands each message to the
     * {@link Consumer} it is given (waiting until it is read) and returns the result. Closing the
     * stream early cancels {@code token} and interrupts the producer.
     */
    public static <R> MessageStream<R> produce(String name, CancellationToken token,
            Function<Consumer<BaseMessage>, R> producer) {
        Objects.requireNonNull(token, "token");
        ProducerIterator<BaseMessage, R> iterator = ProducerIterator.start(name, producer);
        return new MessageStream<>(iterator, it -> Objects.requireNonNull(iterator.result(), "stream result"), () -> {
            token.cancel();
            iterator.stop();
        });
    }

    /** A finished stream of {@code messages} with {@code result}. */
    public static <R> MessageStream<R> of(List<? extends BaseMessage> messages, R result) {
        List<BaseMessage> copy = List.copyOf(messages);
        return new MessageStream<>(copy.iterator(), it -> result, () -> {
        });
    }

    /**
     * The messages. May be called once.
     *
     * @throws IllegalStateException if called again
     */
    @Override
    public Iterator<BaseMessage> iterator() {
        if (view != null) {
            throw new IllegalStateException("a MessageStream can be iterated only once");
        }
        view = new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (finished) {
                    return false;
                }
                if (closed.get()) {
                    throw new CancellationException("the stream was closed");
                }
                if (source.hasNext()) {
                    return true;
                }
                result = resultOf.apply(source);
                finished = true;
                return false;
            }

            @Override
            public BaseMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return source.next();
            }
        };
        return view;
    }

    /**
     * This stream with {@code action} called on each message as it is read, for watching a run (a
     * progress display, a log) while something else, such as {@code Console}, reads it. Read and close
     * the returned stream instead of this one; its result is this one's.
     *
     * @throws IllegalStateException if this stream is already being iterated
     */
    public MessageStream<R> peek(Consumer<? super BaseMessage> action) {
        Objects.requireNonNull(action, "action");
        Iterator<BaseMessage> messages = iterator();
        Iterator<BaseMessage> watched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return messages.hasNext();
            }

            @Override
            public BaseMessage next() {
                BaseMessage message = messages.next();
                action.accept(message);
                return message;
            }
        };
        return new MessageStream<>(watched, it -> result(), this::close);
    }

    /** The messages as a {@link Stream}; closing the Java stream closes this one. */
    public Stream<BaseMessage> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Reads the remaining messages, if any, and returns the result. */
    public R result() {
        if (!finished) {
            Iterator<BaseMessage> it = view != null ? view : iterator();
            while (it.hasNext()) {
                it.next();
            }
        }
        return Objects.requireNonNull(result);
    }

    /** Whether the result has been reached. */
    public boolean isFinished() {
        return finished;
    }

    /** Cancels the run if it has not finished; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && !finished) {
            onClose.run();
        }
    }
}
