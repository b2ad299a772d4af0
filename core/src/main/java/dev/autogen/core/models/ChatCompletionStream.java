package dev.autogen.core.models;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.AbstractResultStream;
import dev.autogen.core.utils.ProducerIterator;
import dev.autogen.core.utils.ResultStream;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The items of a streaming model call: {@link ChatCompletionChunk}s of text, then exactly one
 * {@link CreateResult}, the last item. Iterate it once, inside try-with-resources; closing it
 * before the end cancels the call and releases its connection.
 *
 * <!-- java-context: import java.util.List; ChatCompletionClient client; List<LLMMessage> messages; -->
 * <pre>{@code
 * try (ChatCompletionStream stream = client.createStream(CreateRequest.of(messages))) {
 *     for (CreateStreamItem item : stream) {
 *         switch (item) {
 *             case ChatCompletionChunk c -> System.out.print(c.content());
 *             case CreateResult r -> System.out.println("\nusage: " + r.usage());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>A {@link ResultStream} whose result is the final {@link CreateResult}, which is also its last
 * item. Not thread-safe: consume from one thread. {@link #close()} may be called from any thread.
 */
public final class ChatCompletionStream extends AbstractResultStream<CreateStreamItem, CreateResult> {
    private final EndsWithResult ending;

    private ChatCompletionStream(EndsWithResult ending, Runnable onClose) {
        super(ending, onClose);
        this.ending = ending;
    }

    /**
     * A stream pulling from {@code items}, which must end with a {@link CreateResult}; {@code onClose}
     * runs once when the stream is closed (to cancel the request or close the connection).
     */
    public static ChatCompletionStream fromIterator(Iterator<? extends CreateStreamItem> items, Runnable onClose) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(onClose, "onClose");
        return new ChatCompletionStream(new EndsWithResult(items), onClose);
    }

    /**
     * A stream fed by {@code producer}, which runs on a virtual thread and hands each item to the
     * {@link Consumer} it is given; each hand-off waits until the reader takes the item. The producer
     * must emit a {@link CreateResult} last. Closing the stream cancels {@code token} and interrupts
     * the producer; an exception from the producer is rethrown to the reader.
     */
    public static ChatCompletionStream produce(CancellationToken token, Consumer<Consumer<CreateStreamItem>> producer) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(producer, "producer");
        ProducerIterator<CreateStreamItem, Void> iterator = ProducerIterator.start("autogen-model-stream", emit -> {
            producer.accept(emit);
            return null;
        });
        return new ChatCompletionStream(new EndsWithResult(iterator), stopping(token, iterator));
    }

    /**
     * A stream without a producer thread: the reader's thread calls {@code pull} for each step. The
     * pull returns the chunks as items and then the {@link CreateResult} as its result (it need not
     * also return it as an item: the stream does). {@code onClose} runs once if the stream is closed
     * before the result; see {@link ResultStream#pulling}.
     */
    public static ChatCompletionStream pulling(Pull<CreateStreamItem, CreateResult> pull, Runnable onClose) {
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(onClose, "onClose");
        return new ChatCompletionStream(new EndsWithResult(pull), onClose);
    }

    /**
     * A stream of the same items that hands each one to {@code observer} as the reader pulls it, before
     * the reader sees it; closing it closes this one. Use it instead of iterating this stream.
     */
    public ChatCompletionStream onEach(Consumer<? super CreateStreamItem> observer) {
        Objects.requireNonNull(observer, "observer");
        Iterator<CreateStreamItem> items = iterator();
        return fromIterator(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public CreateStreamItem next() {
                CreateStreamItem item = items.next();
                observer.accept(item);
                return item;
            }
        }, this::close);
    }

    /**
     * Reads the remaining items and returns the final result.
     *
     * @throws IllegalStateException if the source ends without a {@link CreateResult}
     */
    @Override
    public CreateResult result() {
        return Objects.requireNonNull(super.result(), "stream result");
    }

    /** Whether the final {@link CreateResult} has been read. */
    @Override
    public boolean isFinished() {
        return ending.resultRead || super.isFinished();
    }

    /**
     * Adapts a source whose last item is the {@link CreateResult} (an iterator), or a pull that
     * returns it as the result, to steps that yield the result as the last item and then end.
     */
    private static final class EndsWithResult implements Pull<CreateStreamItem, CreateResult> {
        private final @Nullable Iterator<? extends CreateStreamItem> items;
        private final @Nullable Pull<CreateStreamItem, CreateResult> pull;
        private @Nullable CreateResult last;
        volatile boolean resultRead;

        EndsWithResult(Iterator<? extends CreateStreamItem> items) {
            this.items = items;
            this.pull = null;
        }

        EndsWithResult(Pull<CreateStreamItem, CreateResult> pull) {
            this.items = null;
            this.pull = pull;
        }

        @Override
        public Step<CreateStreamItem, CreateResult> next() throws InterruptedException {
            if (last != null) {
                return new Step.Done<>(last);
            }
            CreateStreamItem item;
            if (items != null) {
                if (!items.hasNext()) {
                    throw new IllegalStateException("model stream ended without a CreateResult");
                }
                item = items.next();
            } else {
                item = switch (Objects.requireNonNull(pull).next()) {
                    case Step.Item<CreateStreamItem, CreateResult> i -> i.item();
                    case Step.Done<CreateStreamItem, CreateResult> d ->
                            Objects.requireNonNull(d.result(), "model stream ended without a CreateResult");
                };
            }
            if (item instanceof CreateResult r) {
                last = r;
                resultRead = true;
            }
            return new Step.Item<>(item);
        }
    }
}
