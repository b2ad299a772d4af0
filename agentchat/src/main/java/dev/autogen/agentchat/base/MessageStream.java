package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.AbstractResultStream;
import dev.autogen.core.utils.ProducerIterator;
import dev.autogen.core.utils.ResultStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The messages of a run as they are produced, then its result: Java's form of Python's
 * {@code run_stream()} / {@code on_messages_stream()} async generators. The run advances only as you
 * read, like a Python generator. Iterate it once inside try-with-resources; {@link #result()} gives the
 * final {@link TaskResult} or {@link Response} (reading whatever is left). Closing it before the end
 * cancels the run, and {@link #close()} returns once the run has stopped: an agent's work on its
 * thread has ended, and a team is no longer running ({@code isRunning()} is false) and ready for its
 * next run, which counts its termination condition from zero (docs/teams.md, "Cancellation").
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent; AssistantAgent agent; -->
 * <pre>{@code
 * try (MessageStream<TaskResult> stream = agent.runStream("Hello")) {
 *     for (BaseMessage message : stream) {
 *         if (message instanceof ModelClientStreamingChunkEvent chunk) System.out.print(chunk.content());
 *     }
 *     TaskResult result = stream.result();
 * }
 * }</pre>
 *
 * <p>A {@link ResultStream} of {@link BaseMessage}s. Read from one thread; {@link #close()} may be
 * called from any thread. A failure of the run is rethrown to the reader as it was thrown;
 * cancellation surfaces as {@link CancellationException}.
 *
 * @param <R> the final result: {@link TaskResult} for runs, {@link Response} for {@code onMessagesStream}
 */
public final class MessageStream<R> extends AbstractResultStream<BaseMessage, R> {
    private MessageStream(Pull<BaseMessage, R> pull, Runnable onClose) {
        super(pull, onClose);
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
        return new MessageStream<>(iterator.pull(), stopping(token, iterator));
    }

    /**
     * A stream without a producer thread: the reader's thread calls {@code pull} for each step, which
     * blocks until a message or the result is available. {@code onClose} runs once if the stream is
     * closed before the result (to cancel the run); see {@link ResultStream#pulling}.
     */
    public static <R> MessageStream<R> pulling(Pull<BaseMessage, R> pull, Runnable onClose) {
        return new MessageStream<>(pull, onClose);
    }

    /** A finished stream of {@code messages} with {@code result}. */
    public static <R> MessageStream<R> of(List<? extends BaseMessage> messages, R result) {
        return new MessageStream<>(listPull(messages, result), () -> {
        });
    }

    /**
     * This stream with {@code action} called on each message as it is read, for watching a run (a
     * progress display, a log) while something else, such as {@code Console}, reads it. Read and close
     * the returned stream instead of this one; its result is this one's.
     *
     * @throws IllegalStateException if this stream is already being iterated
     */
    @Override
    public MessageStream<R> peek(Consumer<? super BaseMessage> action) {
        return new MessageStream<>(peeking(action), this::close);
    }

    /** Reads the remaining messages, if any, and returns the result. */
    @Override
    public R result() {
        return Objects.requireNonNull(super.result(), "stream result");
    }
}
