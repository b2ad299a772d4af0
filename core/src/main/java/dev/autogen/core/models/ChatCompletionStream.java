package dev.autogen.core.models;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.ProducerIterator;
import java.util.Iterator;
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
 * The items of a streaming model call: {@link ChatCompletionChunk}s of text, then exactly one
 * {@link CreateResult}, the last item. Iterate it once, inside try-with-resources; closing it
 * before the end cancels the call and releases its connection.
 *
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
 * <p>Not thread-safe: consume from one thread. {@link #close()} may be called from any thread.
 */
public final class ChatCompletionStream implements Iterable<CreateStreamItem>, AutoCloseable {
    private final Iterator<CreateStreamItem> source;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean iterated;
    private boolean finished;
    private @Nullable CreateResult result;

    private ChatCompletionStream(Iterator<CreateStreamItem> source, Runnable onClose) {
        this.source = source;
        this.onClose = onClose;
    }

    /**
     * A stream pulling from {@code items}, which must end with a {@link CreateResult}; {@code onClose}
     * runs once when the stream is closed (to cancel the request or close the connection).
     */
    public static ChatCompletionStream fromIterator(Iterator<? extends CreateStreamItem> items, Runnable onClose) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(onClose, "onClose");
        @SuppressWarnings("unchecked")
        Iterator<CreateStreamItem> typed = (Iterator<CreateStreamItem>) items;
        return new ChatCompletionStream(typed, onClose);
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
        return new ChatCompletionStream(iterator, () -> {
            token.cancel();
            iterator.stop();
        });
    }

    /**
     * The items. May be called once.
     *
     * @throws IllegalStateException if called again, or if the source ends without a {@link CreateResult}
     */
    @Override
    public Iterator<CreateStreamItem> iterator() {
        if (iterated) {
            throw new IllegalStateException("a ChatCompletionStream can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (finished) {
                    return false;
                }
                if (closed.get()) {
                    throw new CancellationException("the stream was closed");
                }
                if (!source.hasNext()) {
                    throw new IllegalStateException("model stream ended without a CreateResult");
                }
                return true;
            }

            @Override
            public CreateStreamItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CreateStreamItem item = source.next();
                if (item instanceof CreateResult r) {
                    result = r;
                    finished = true;
                }
                return item;
            }
        };
    }

    /**
     * A stream of the same items that hands each one to {@code observer} as the reader pulls it, before
     * the reader sees it; closing it closes this one. Use it instead of iterating this stream.
     */
    public ChatCompletionStream onEach(Consumer<? super CreateStreamItem> observer) {
        Objects.requireNonNull(observer, "observer");
        Iterator<CreateStreamItem> items = iterator();
        return new ChatCompletionStream(new Iterator<>() {
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

    /** The items as a {@link Stream}; closing the Java stream closes this one. */
    public Stream<CreateStreamItem> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Reads the remaining items and returns the final result.
     *
     * @throws IllegalStateException if the source ends without a {@link CreateResult}
     */
    public CreateResult result() {
        if (!finished) {
            Iterator<CreateStreamItem> it = iterated ? null : iterator();
            if (it == null) {
                throw new IllegalStateException("result() after a partial iteration: iterate to the end instead");
            }
            while (it.hasNext()) {
                it.next();
            }
        }
        return Objects.requireNonNull(result);
    }

    /** Whether the final {@link CreateResult} has been read. */
    public boolean isFinished() {
        return finished;
    }

    /** Stops the call if it is still running; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && !finished) {
            onClose.run();
        }
    }
}
