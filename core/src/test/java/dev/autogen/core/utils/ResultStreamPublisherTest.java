package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A result stream read through {@link ResultStream#toPublisher()}, as a reactive library would. */
@Timeout(60)
class ResultStreamPublisherTest {
    /** Records what a publisher hands it; requests nothing by itself. */
    static final class Recorder<T> implements Flow.Subscriber<T> {
        final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        volatile Flow.Subscription subscription;
        final CountDownLatch subscribed = new CountDownLatch(1);

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            subscribed.countDown();
        }

        @Override
        public void onNext(T item) {
            signals.add(item);
        }

        @Override
        public void onError(Throwable error) {
            signals.add(error);
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }

        Object next() throws InterruptedException {
            Object signal = signals.poll(30, TimeUnit.SECONDS);
            assertThat(signal).as("a signal within 30 s").isNotNull();
            return signal;
        }
    }

    private static ResultStream<String, Integer> words(AtomicInteger produced, CancellationToken token) {
        return ResultStream.produce("words", token, emit -> {
            for (String word : List.of("one", "two", "three")) {
                produced.incrementAndGet();
                emit.accept(word);
            }
            return 3;
        });
    }

    @Test
    void itemsFollowDemandThenTheSubscriberCompletesAndTheResultIsThere() throws Exception {
        var produced = new AtomicInteger();
        ResultStream<String, Integer> stream = words(produced, new CancellationToken());
        var recorder = new Recorder<String>();
        stream.toPublisher().subscribe(recorder);
        recorder.subscribed.await();

        recorder.subscription.request(1);
        assertThat(recorder.next()).isEqualTo("one");
        assertThat(recorder.signals.poll(200, TimeUnit.MILLISECONDS)).as("nothing beyond the demand").isNull();
        assertThat(produced.get()).as("the producer waits for demand").isLessThanOrEqualTo(2);

        recorder.subscription.request(5);
        assertThat(recorder.next()).isEqualTo("two");
        assertThat(recorder.next()).isEqualTo("three");
        assertThat(recorder.next()).isEqualTo("complete");
        assertThat(stream.result()).isEqualTo(3);
    }

    @Test
    void aFailureOfTheProducerIsTheSubscribersError() throws Exception {
        var boom = new IllegalStateException("model unavailable");
        ResultStream<String, Integer> stream = ResultStream.produce("failing", new CancellationToken(), emit -> {
            emit.accept("first");
            throw boom;
        });
        var recorder = new Recorder<String>();
        stream.toPublisher().subscribe(recorder);
        recorder.subscription.request(Long.MAX_VALUE);

        assertThat(recorder.next()).isEqualTo("first");
        assertThat(recorder.next()).isSameAs(boom);
    }

    @Test
    void cancellingTheSubscriptionClosesTheStreamAndCancelsItsWork() throws Exception {
        var token = new CancellationToken();
        var produced = new AtomicInteger();
        ResultStream<String, Integer> stream = words(produced, token);
        var recorder = new Recorder<String>();
        stream.toPublisher().subscribe(recorder);
        recorder.subscription.request(1);
        assertThat(recorder.next()).isEqualTo("one");

        recorder.subscription.cancel();

        assertThat(token.isCancelled()).isTrue();
        assertThat(recorder.signals.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSecondSubscriberAndANonPositiveRequestAreErrors() throws Exception {
        Flow.Publisher<String> publisher = words(new AtomicInteger(), new CancellationToken()).toPublisher();
        var first = new Recorder<String>();
        publisher.subscribe(first);
        var second = new Recorder<String>();
        publisher.subscribe(second);
        assertThat(second.next()).isInstanceOf(IllegalStateException.class)
                .extracting(e -> ((Throwable) e).getMessage()).asString().contains("one subscriber");

        first.subscription.request(0);
        assertThat(first.next()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onNextMayRequestMoreFromWithinWithoutOverlappingCalls() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        var inside = new AtomicInteger();
        var overlapped = new AtomicInteger();
        var completed = new CountDownLatch(1);
        words(new AtomicInteger(), new CancellationToken()).toPublisher().subscribe(new Flow.Subscriber<>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(String item) {
                if (inside.incrementAndGet() > 1) {
                    overlapped.incrementAndGet();
                }
                received.add(item);
                subscription.request(1);
                inside.decrementAndGet();
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        });
        assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(received).containsExactly("one", "two", "three");
        assertThat(overlapped.get()).isZero();
    }
}
