package dev.autogen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SequentialRoutedAgentTest {
    /** Handled in order, one at a time. */
    sealed interface Work permits Task, Ask {
    }

    record Task(int n) implements Work {
    }

    record Ask(String question) implements Work {
    }

    /** Handled at once. */
    record Pause() {
    }

    record Fail() {
    }

    @DefaultSubscribed
    static final class Worker extends SequentialRoutedAgent {
        final List<String> log = new CopyOnWriteArrayList<>();
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger maxActive = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch firstStarted = new CountDownLatch(1);

        Worker(AgentInstantiationContext ctx) {
            super(ctx, "Works in order.", List.of(Work.class, Fail.class));
        }

        @Event
        void onTask(Task task, MessageContext ctx) throws InterruptedException {
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            log.add("start " + task.n());
            if (task.n() == 1) {
                firstStarted.countDown();
                release.await();
            }
            log.add("end " + task.n());
            done.incrementAndGet();
            active.decrementAndGet();
        }

        @Rpc
        String onAsk(Ask ask) {
            log.add("ask " + ask.question());
            return ask.question() + " after " + done.get() + " tasks";
        }

        @Rpc
        String onFail(Fail fail) {
            throw new IllegalStateException("cannot do that");
        }

        @MessageHandler
        void onPause(Pause pause, MessageContext ctx) {
            log.add("pause");
            paused.countDown();
        }
    }

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime();
    private Worker worker;

    @AfterEach
    void close() {
        if (worker != null) {
            worker.release.countDown();
        }
        runtime.close();
    }

    private Worker start() {
        BaseAgent.register(runtime, "worker", Worker.class, ctx -> worker = new Worker(ctx));
        runtime.start();
        runtime.sendMessage(new Ask("warm-up"), AgentId.of("worker"));
        worker.log.clear();
        return worker;
    }

    @Test
    void sequentialMessagesAreHandledOneAtATimeInArrivalOrderWhileOthersAreHandledAtOnce() throws Exception {
        Worker w = start();
        w.release = new CountDownLatch(1);
        for (int n = 1; n <= 3; n++) {
            runtime.publishMessage(new Task(n), DefaultTopicId.create());
        }
        assertThat(w.firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        runtime.publishMessage(new Pause(), DefaultTopicId.create());

        assertThat(w.paused.await(30, TimeUnit.SECONDS)).as("the pause is handled during task 1").isTrue();
        assertThat(w.log).containsExactly("start 1", "pause");
        w.release.countDown();
        runtime.stopWhenIdle();

        assertThat(w.log).containsExactly("start 1", "pause", "end 1", "start 2", "end 2", "start 3", "end 3");
        assertThat(w.maxActive.get()).isEqualTo(1);
    }

    @Test
    void stopWhenIdleWaitsForTheMessagesStillInLine() {
        Worker w = start();
        for (int n = 2; n <= 50; n++) {
            runtime.publishMessage(new Task(n), DefaultTopicId.create());
        }
        runtime.stopWhenIdle();

        assertThat(w.done.get()).isEqualTo(49);
        assertThat(w.log.stream().filter(l -> l.startsWith("end")).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(2, 50).mapToObj(n -> "end " + n).toList());
    }

    @Test
    void aDirectMessageOfASequentialTypeIsAnsweredAfterTheMessagesBeforeIt() throws Exception {
        Worker w = start();
        w.release = new CountDownLatch(1);
        runtime.publishMessage(new Task(1), DefaultTopicId.create());
        runtime.publishMessage(new Task(2), DefaultTopicId.create());
        CompletableFuture<Object> answer = runtime.sendMessageAsync(new Ask("status"), AgentId.of("worker"));
        assertThat(w.firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        w.release.countDown();

        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("status after 2 tasks");
        assertThat(w.log).containsExactly("start 1", "end 1", "start 2", "end 2", "ask status");
    }

    @Test
    void aFailingSequentialHandlerFailsItsSenderAndTheLineGoesOn() {
        Worker w = start();
        assertThatThrownBy(() -> runtime.sendMessage(new Fail(), AgentId.of("worker")))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot do that");

        assertThat(runtime.sendMessage(new Ask("next"), AgentId.of("worker"))).isEqualTo("next after 0 tasks");
    }

    @Test
    void aMessageCancelledWhileWaitingInLineIsNeverHandled() throws Exception {
        Worker w = start();
        w.release = new CountDownLatch(1);
        runtime.publishMessage(new Task(1), DefaultTopicId.create());
        var token = new CancellationToken();
        CompletableFuture<Object> answer = runtime.sendMessageAsync(new Ask("late"), AgentId.of("worker"), null, token,
                null);
        assertThat(w.firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        token.cancel();
        w.release.countDown();

        assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOfAny(CancellationException.class,
                ExecutionException.class);
        runtime.stopWhenIdle();
        assertThat(w.log).doesNotContain("ask late").contains("end 1");
    }

    @Test
    void theSequentialTypesAreKept() {
        Worker w = start();
        assertThat(w.sequentialMessageTypes()).containsExactly(Work.class, Fail.class);
        assertThat(w.isSequential(new Task(1))).isTrue();
        assertThat(w.isSequential(new Pause())).isFalse();
    }
}
