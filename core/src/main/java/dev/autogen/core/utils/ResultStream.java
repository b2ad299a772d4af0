package dev.autogen.core.utils;

import dev.autogen.core.CancellationToken;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Items as they are produced, then a final result: the Java form of a Python async generator whose
 * last value is the result. Iterate it once inside try-with-resources; {@link #result()} reads
 * whatever is left and returns the result; closing it before the result is reached cancels the work
 * that feeds it. {@code MessageStream} (agent and team runs) and {@code ChatCompletionStream} (model
 * calls) are the named kinds.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; CancellationToken token; -->
 * <pre>{@code
 * try (ResultStream<String, Integer> words = ResultStream.produce("words", token, emit -> {
 *     emit.accept("a");
 *     emit.accept("b");
 *     return 2;
 * })) {
 *     for (String word : words) System.out.println(word);
 *     int count = words.result();
 * }
 * }</pre>
 *
 * <p>Two ways to feed one: {@link #produce} runs a producer on its own virtual thread that advances
 * only as the reader pulls; {@link #pulling} starts no thread: the reader's thread asks a
 * {@link Pull} for each {@link Step}. A failure is rethrown to the reader as it was thrown, from
 * {@code hasNext()}, {@code next()} and {@link #result()}; cancellation surfaces as
 * {@link CancellationException}.
 *
 * <p>Read from one thread; {@link #close()} may be called from any thread.
 *
 * @param <T> the items
 * @param <R> the final result
 */
public interface ResultStream<T, R> extends Iterable<T>, AutoCloseable {

    /**
     * A stream without a producer thread: each {@code hasNext()} that needs a new step calls
     * {@code pull.next()} on the reader's thread, which blocks until an item or the result is
     * available. An {@link InterruptedException} from it becomes a {@link CancellationException} for
     * the reader (the interrupt flag stays set) and runs {@code onClose}; any other exception is
     * rethrown as it is, again on later reads. {@code onClose} runs at most once, when the stream is
     * closed before the result was reached.
     */
    static <T, R> ResultStream<T, R> pulling(Pull<T, R> pull, Runnable onClose) {
        return new SimpleResultStream<>(pull, onClose);
    }

    /**
     * A stream fed by {@code producer}, which runs on a virtual thread named {@code threadName}, hands
     * each item to the {@link Consumer} it is given (waiting until the reader takes it) and returns the
     * result. Closing the stream early cancels {@code token} and interrupts the producer; an exception
     * from the producer is rethrown to the reader.
     */
    static <T, R> ResultStream<T, R> produce(String threadName, CancellationToken token,
            Function<Consumer<T>, R> producer) {
        ProducerIterator<T, R> producing = ProducerIterator.start(threadName, producer);
        return new SimpleResultStream<>(producing.pull(), AbstractResultStream.stopping(token, producing));
    }

    /** A finished stream of {@code items} with {@code result}. */
    static <T, R> ResultStream<T, R> of(List<? extends T> items, R result) {
        return new SimpleResultStream<>(AbstractResultStream.listPull(items, result), () -> {
        });
    }

    /**
     * The items. May be called once.
     *
     * @throws IllegalStateException if called again
     */
    @Override
    Iterator<T> iterator();

    /** Calls {@code action} on each remaining item, in order, on this thread. */
    @Override
    void forEach(Consumer<? super T> action);

    /** The items as a {@link Stream}; closing the Java stream closes this one. */
    Stream<T> stream();

    /**
     * This stream with {@code action} called on each item as it is read, for watching (a progress
     * display, a log) while something else reads it. Read and close the returned stream instead of
     * this one; its result is this one's.
     *
     * @throws IllegalStateException if this stream is already being iterated
     */
    ResultStream<T, R> peek(Consumer<? super T> action);

    /**
     * Reads the remaining items, if any, and returns the result.
     *
     * @throws CancellationException if the stream was closed before its result
     */
    R result();

    /**
     * The items as a {@link Flow.Publisher}, for reactive libraries (Reactor's {@code JdkFlowAdapter},
     * RxJava's {@code FlowAdapters}, Kotlin's {@code asFlow()}) without a dependency on any of them. The
     * subscriber's demand pulls the items; the end of the items completes it, after which
     * {@link #result()} returns at once; a failure is its {@code onError}; cancelling closes this stream.
     * One subscriber, as the stream is read once; use it instead of iterating.
     *
     * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat; import dev.autogen.agentchat.messages.BaseMessage; RoundRobinGroupChat team; -->
     * <pre>{@code
     * var stream = team.runStream("Write a haiku.");
     * Flow.Publisher<BaseMessage> messages = stream.toPublisher();
     * messages.subscribe(new Flow.Subscriber<>() {
     *     public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
     *     public void onNext(BaseMessage m) { System.out.println(m.toText()); }
     *     public void onError(Throwable e) { e.printStackTrace(); }
     *     public void onComplete() { System.out.println(stream.result().stopReason()); }
     * });
     * }</pre>
     */
    default Flow.Publisher<T> toPublisher() {
        return new ResultStreamPublisher<>(this);
    }

    /** Whether the result has been reached. */
    boolean isFinished();

    /** Stops the work that feeds this stream if the result has not been reached; safe to call more than once. */
    @Override
    void close();

    /**
     * The source of a {@link #pulling} stream, called on the reader's thread.
     *
     * @param <T> the items
     * @param <R> the final result
     */
    @FunctionalInterface
    interface Pull<T, R> {
        /**
         * The next step: blocks until an item or the final result is available.
         *
         * @throws InterruptedException if the reader's thread is interrupted while waiting
         */
        Step<T, R> next() throws InterruptedException;
    }

    /**
     * One step of a {@link Pull}: an item, or the final result after which no step is asked for.
     *
     * @param <T> the items
     * @param <R> the final result
     */
    sealed interface Step<T, R> {
        /** The next item. */
        record Item<T, R>(T item) implements Step<T, R> {
        }

        /** The end, with the final result. */
        record Done<T, R>(R result) implements Step<T, R> {
        }
    }
}
