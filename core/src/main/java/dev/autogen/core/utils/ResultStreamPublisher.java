package dev.autogen.core.utils;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResultStream} as a {@link Flow.Publisher} of its items (see {@link ResultStream#toPublisher()}):
 * the subscriber's demand pulls items on a virtual thread, one at a time, so the work behind the stream
 * advances only as fast as the subscriber asks; the end of the items completes the subscriber, a failure
 * is its error, and cancelling the subscription closes the stream (which cancels its run).
 *
 * @param <T> the items
 */
final class ResultStreamPublisher<T> implements Flow.Publisher<T> {
    private final ResultStream<T, ?> stream;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ResultStreamPublisher(ResultStream<T, ?> stream) {
        this.stream = stream;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a stream can be read once, so its publisher takes one"
                    + " subscriber; this one already has one"));
            return;
        }
        subscriber.onSubscribe(new StreamSubscription<>(stream, subscriber));
    }

    /** Pulls items for one subscriber as it requests them; one drain at a time, on a virtual thread. */
    private static final class StreamSubscription<T> implements Flow.Subscription {
        private final ResultStream<T, ?> stream;
        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean done;
        private @Nullable Iterator<T> items;

        StreamSubscription(ResultStream<T, ?> stream, Flow.Subscriber<? super T> subscriber) {
            this.stream = stream;
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("a subscriber must request a positive number of items,"
                        + " not " + n));
                return;
            }
            demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
            if (work.getAndIncrement() == 0) {
                Thread.ofVirtual().name("result-stream-publisher").start(this::drain);
            }
        }

        @Override
        public void cancel() {
            done = true;
            stream.close();
        }

        private void drain() {
            int missed = 1;
            do {
                while (!done && demand.get() > 0) {
                    if (!emitNext()) {
                        return;
                    }
                }
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        /** Emits one item, or the end; false once the subscriber is done with. */
        private boolean emitNext() {
            T item;
            try {
                Iterator<T> it = items != null ? items : (items = stream.iterator());
                if (!it.hasNext()) {
                    done = true;
                    subscriber.onComplete();
                    return false;
                }
                item = it.next();
            } catch (RuntimeException | Error e) {
                done = true;
                subscriber.onError(e);
                return false;
            }
            demand.decrementAndGet();
            subscriber.onNext(item);
            return true;
        }
    }
}
