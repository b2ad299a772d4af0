package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void cancellingTheTokenInterruptsTheWorkInsideTheScope() throws Exception {
        var token = new CancellationToken();
        var blocked = new CountDownLatch(1);
        var outcome = new CompletableFuture<Boolean>();
        Thread worker = Concurrency.startThread("worker", () -> {
            try (var scope = Concurrency.interruptOnCancel(token)) {
                blocked.countDown();
                new CountDownLatch(1).await();
                outcome.complete(false);
            } catch (InterruptedException e) {
                outcome.complete(true);
            }
        });
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isTrue();
        worker.join();
    }

    @Test
    void closingTheScopeClearsItsOwnInterruptButKeepsOthers() {
        var token = new CancellationToken();
        try (var scope = Concurrency.interruptOnCancel(token)) {
            token.cancel();
            assertThat(scope.interrupted()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        try (var scope = Concurrency.interruptOnCancel(new CancellationToken())) {
            Thread.currentThread().interrupt();
        }
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aClosedScopeNoLongerInterrupts() {
        var token = new CancellationToken();
        Concurrency.interruptOnCancel(token).close();
        token.cancel();
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void callInterruptiblyReportsCancellationWhateverTheBodyThrew() {
        var token = new CancellationToken();
        assertThatThrownBy(() -> Concurrency.callInterruptibly(token, () -> {
            token.cancel();
            throw new IllegalStateException("the body noticed");
        })).isInstanceOf(CancellationException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(Thread.interrupted()).isFalse();
        assertThat(Concurrency.callInterruptibly(new CancellationToken(), () -> "ok")).isEqualTo("ok");
    }

    @Test
    void invokeAllKeepsTheOrderOfTheCallsAndRunsThemInParallel() throws Exception {
        int n = 8;
        var allStarted = new CountDownLatch(n);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            calls.add(() -> {
                allStarted.countDown();
                // every call waits for all the others: this only ends if they run at the same time
                if (!allStarted.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the calls did not run in parallel");
                }
                return index * index;
            });
        }
        assertThat(Concurrency.invokeAll("square-", calls, new CancellationToken()))
                .containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
    }

    @Test
    void invokeAllThrowsTheFirstFailureAndInterruptsTheRest() throws Exception {
        var slowInterrupted = new CountDownLatch(1);
        List<Callable<String>> calls = List.of(
                () -> {
                    try {
                        new CountDownLatch(1).await();
                        return "never";
                    } catch (InterruptedException e) {
                        slowInterrupted.countDown();
                        throw e;
                    }
                },
                () -> {
                    throw new IllegalArgumentException("bad call");
                });
        assertThatThrownBy(() -> Concurrency.invokeAll("call-", calls, null))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("bad call");
        assertThat(slowInterrupted.getCount()).isZero();
    }

    @Test
    void cancellingTheTokenStopsInvokeAll() throws Exception {
        var token = new CancellationToken();
        var running = new CountDownLatch(2);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(() -> {
                running.countDown();
                new CountDownLatch(1).await();
                return "never";
            });
        }
        var thrown = new AtomicReference<Throwable>();
        Thread caller = Concurrency.startThread("caller", () -> {
            try {
                Concurrency.invokeAll("blocked-", calls, token);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        caller.join();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void awaitReturnsTheValueOrRethrowsTheFailure() throws Exception {
        assertThat(Concurrency.await(CompletableFuture.completedFuture("v"), new CancellationToken(), "v")).isEqualTo("v");
        assertThatThrownBy(() -> Concurrency.await(CompletableFuture.failedFuture(new IllegalStateException("x")), null, "x"))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Concurrency.join(CompletableFuture.failedFuture(new IllegalStateException("x")), "x"))
                .isInstanceOf(IllegalStateException.class).hasMessage("x");
    }

    @Test
    void cancellingTheTokenCancelsTheAwaitedFuture() throws Exception {
        var token = new CancellationToken();
        var future = new CompletableFuture<String>();
        var thrown = new AtomicReference<Throwable>();
        var waiting = new CountDownLatch(1);
        Thread waiter = Concurrency.startThread("waiter", () -> {
            waiting.countDown();
            try {
                Concurrency.await(future, token, "nothing");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        waiter.join();
        assertThat(future.isCancelled()).isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void anInterruptedWaitCancelsTheFutureAndKeepsTheFlag() {
        var future = new CompletableFuture<String>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Concurrency.await(future, new CancellationToken(), "nothing"))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("nothing");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(future.isCancelled()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTimeoutCancelsTheFuture() {
        var future = new CompletableFuture<String>();
        assertThatThrownBy(() -> Concurrency.await(future, null, Duration.ZERO, "nothing"))
                .isInstanceOf(TimeoutException.class);
        assertThat(future.isCancelled()).isTrue();
    }

    @Test
    void callOnNewThreadRunsElsewhereAndIsInterruptedByTheToken() throws Exception {
        Thread me = Thread.currentThread();
        assertThat(Concurrency.callOnNewThread("elsewhere", null, () -> Thread.currentThread() != me)).isTrue();

        var token = new CancellationToken();
        var started = new CountDownLatch(1);
        var bodyInterrupted = new CountDownLatch(1);
        Concurrency.startThread("canceller", () -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            token.cancel();
        });
        assertThatThrownBy(() -> Concurrency.callOnNewThread("blocked", token, () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                bodyInterrupted.countDown();
            }
            return "never";
        })).isInstanceOf(CancellationException.class);
        assertThat(bodyInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void threadsAreVirtualAndNamed() throws Exception {
        var thread = Concurrency.newThread("named", () -> { });
        assertThat(thread.isVirtual()).isTrue();
        assertThat(thread.getName()).isEqualTo("named");
        assertThat(Concurrency.supplyAsync("async", () -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS))
                .isEqualTo("async");
        assertThat(Concurrency.startDaemon("daemon", () -> { }).isDaemon()).isTrue();
    }

    @Test
    void aDeliveryThreadTakesOneTaskPerDeliveryAndOnlyWhileItAccepts() {
        Runnable first = () -> { };
        assertThat(Concurrency.runAfterDelivery(first)).as("no delivery thread").isFalse();

        Concurrency.AfterDelivery slot = Concurrency.acceptTaskAfterDelivery();
        try {
            assertThat(Concurrency.runAfterDelivery(first)).isTrue();
            assertThat(Concurrency.runAfterDelivery(() -> { })).as("one task per delivery").isFalse();
            assertThat(slot.take()).isNotNull();
            assertThat(slot.take()).as("taken once").isNull();
            assertThat(Concurrency.runAfterDelivery(first)).as("the next delivery").isTrue();
        } finally {
            slot.close();
        }
        assertThat(Concurrency.runAfterDelivery(first)).as("closed").isFalse();
    }

    @Test
    void aLaneRunsWorkItWasNotWaitedForOnTheDeliveryThreadAfterTheDelivery() throws Exception {
        var lane = new SerialLane("lane");
        List<String> order = new ArrayList<>();
        Concurrency.AfterDelivery slot = Concurrency.acceptTaskAfterDelivery();
        try {
            lane.submitWithoutWaiting(() -> order.add("turn on " + Thread.currentThread().getName()));
            order.add("delivery ends");
            Runnable handedOff = slot.take();
            assertThat(handedOff).isNotNull();
            handedOff.run();
        } finally {
            slot.close();
        }
        assertThat(order).containsExactly("delivery ends", "turn on " + Thread.currentThread().getName());

        var onItsOwnThread = new CompletableFuture<String>();
        lane.submitWithoutWaiting(() -> onItsOwnThread.complete(Thread.currentThread().getName()));
        assertThat(onItsOwnThread.get(30, TimeUnit.SECONDS)).as("no delivery thread to run it").isEqualTo("lane");
    }
}
