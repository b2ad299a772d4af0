package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.ResultStream.Step;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ResultStreamTest {

    /** A pull over a queue another thread fills, the way a team would feed its run's stream. */
    private static final class Queued implements ResultStream.Pull<String, Integer> {
        final BlockingQueue<Step<String, Integer>> steps = new ArrayBlockingQueue<>(16);
        final List<String> readerThreads = new ArrayList<>();

        @Override
        public Step<String, Integer> next() throws InterruptedException {
            readerThreads.add(Thread.currentThread().getName());
            return steps.take();
        }
    }

    @Test
    void pullingGivesTheItemsInOrderThenTheResultOnTheReadersThread() throws Exception {
        var pull = new Queued();
        var closes = new AtomicInteger();
        Concurrency.startThread("feeder", () -> {
            for (String s : List.of("a", "b", "c")) {
                pull.steps.add(new Step.Item<>(s));
            }
            pull.steps.add(new Step.Done<>(3));
        });
        try (var stream = ResultStream.pulling(pull, closes::incrementAndGet)) {
            List<String> items = new ArrayList<>();
            for (String item : stream) {
                items.add(item);
            }
            assertThat(items).containsExactly("a", "b", "c");
            assertThat(stream.isFinished()).isTrue();
            assertThat(stream.result()).isEqualTo(3);
        }
        assertThat(closes).hasValue(0);
        assertThat(pull.readerThreads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void resultReadsWhatIsLeft() {
        Iterator<Step<String, String>> steps = List.<Step<String, String>>of(
                new Step.Item<>("x"), new Step.Item<>("y"), new Step.Done<>("end")).iterator();
        try (var stream = ResultStream.pulling(steps::next, () -> { })) {
            Iterator<String> it = stream.iterator();
            assertThat(it.next()).isEqualTo("x");
            assertThat(stream.result()).isEqualTo("end");
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void closingEarlyRunsOnCloseOnceAndEndsTheIteration() {
        var closes = new AtomicInteger();
        var stream = ResultStream.<String, String>pulling(() -> new Step.Item<>("again"), closes::incrementAndGet);
        Iterator<String> it = stream.iterator();
        assertThat(it.next()).isEqualTo("again");
        stream.close();
        stream.close();
        assertThat(closes).hasValue(1);
        assertThatThrownBy(it::hasNext).isInstanceOf(CancellationException.class);
        assertThatThrownBy(stream::result).isInstanceOf(CancellationException.class);
    }

    @Test
    void closingAfterTheResultDoesNotRunOnClose() {
        var closes = new AtomicInteger();
        var stream = ResultStream.<String, String>pulling(() -> new Step.Done<>("r"), closes::incrementAndGet);
        assertThat(stream.result()).isEqualTo("r");
        stream.close();
        assertThat(closes).hasValue(0);
    }

    @Test
    void closingTheJavaStreamClosesThisOne() {
        var closes = new AtomicInteger();
        var stream = ResultStream.<String, String>pulling(() -> new Step.Item<>("more"), closes::incrementAndGet);
        try (var items = stream.stream()) {
            assertThat(items.limit(2).toList()).containsExactly("more", "more");
        }
        assertThat(closes).hasValue(1);
    }

    @Test
    void aFailureOfThePullReachesTheReaderAsItIsEveryTime() {
        var failure = new IllegalStateException("connection reset");
        var calls = new AtomicInteger();
        var stream = ResultStream.<String, String>pulling(() -> {
            if (calls.getAndIncrement() == 0) {
                return new Step.Item<>("first");
            }
            throw failure;
        }, () -> { });
        Iterator<String> it = stream.iterator();
        assertThat(it.next()).isEqualTo("first");
        assertThatThrownBy(it::hasNext).isSameAs(failure);
        assertThatThrownBy(it::next).isSameAs(failure);
        assertThatThrownBy(stream::result).isSameAs(failure);
        assertThat(calls).hasValue(2);
    }

    @Test
    void anInterruptedPullBecomesCancellationKeepsTheFlagAndRunsOnClose() throws Exception {
        var pull = new Queued();
        var closes = new AtomicInteger();
        var waiting = new CountDownLatch(1);
        var thrown = new AtomicReference<Throwable>();
        var flagKept = new AtomicReference<Boolean>();
        Thread reader = Concurrency.startThread("reader", () -> {
            var stream = ResultStream.pulling(() -> {
                waiting.countDown();
                return pull.next();
            }, closes::incrementAndGet);
            try {
                stream.iterator().hasNext();
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
            stream.close();
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        reader.interrupt();
        reader.join();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(closes).hasValue(1);
    }

    @Test
    void peekWatchesEachItemAndKeepsTheResult() {
        List<String> seen = new ArrayList<>();
        var source = ResultStream.of(List.of("a", "b"), "done");
        try (var watched = source.peek(seen::add)) {
            assertThat(watched.stream().toList()).containsExactly("a", "b");
            assertThat(watched.result()).isEqualTo("done");
        }
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void forEachReadsTheRestAndIterationHappensOnce() {
        var stream = ResultStream.of(List.of(1, 2, 3), "end");
        List<Integer> seen = new ArrayList<>();
        stream.forEach(seen::add);
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(stream.result()).isEqualTo("end");
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProducerFormAdvancesOnlyAsTheReaderPulls() throws Exception {
        var token = new CancellationToken();
        var emitted = new AtomicInteger();
        var producerStopped = new CountDownLatch(1);
        var stream = ResultStream.<Integer, String>produce("counter", token, emit -> {
            try {
                for (int i = 0; ; i++) {
                    emit.accept(i);
                    emitted.incrementAndGet();
                }
            } finally {
                producerStopped.countDown();
            }
        });
        Iterator<Integer> it = stream.iterator();
        assertThat(it.next()).isEqualTo(0);
        assertThat(it.next()).isEqualTo(1);
        // the producer has handed over item 1, so it has returned from emitting item 0 and no more
        assertThat(emitted.get()).isBetween(1, 2);
        stream.close();
        assertThat(token.isCancelled()).isTrue();
        assertThat(producerStopped.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theProducersResultAndFailureReachTheReader() {
        var ok = ResultStream.<String, Integer>produce("ok", new CancellationToken(), emit -> {
            emit.accept("one");
            return 1;
        });
        assertThat(ok.stream().toList()).containsExactly("one");
        assertThat(ok.result()).isEqualTo(1);

        var failing = ResultStream.<String, Integer>produce("failing", new CancellationToken(), emit -> {
            throw new IllegalArgumentException("bad");
        });
        assertThatThrownBy(failing::result).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
    }
}
