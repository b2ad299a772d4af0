package dev.autogen.core;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.exceptions.MessageDroppedException;
import dev.autogen.core.exceptions.UndeliverableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancellation, interventions, state and instance registration. */
class RuntimeControlTest {
    record Work(String name) {
    }

    record Secret(String value) {
    }

    private InProcessAgentRuntime runtime = new InProcessAgentRuntime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void cancellingTheTokenInterruptsTheRunningHandlerAndFailsTheCall() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        ClosureAgent.builder("slow", Work.class, (ctx, work, mctx) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return "finished";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).register(runtime);
        runtime.start();
        var token = new CancellationToken();

        var reply = runtime.sendMessageAsync(new Work("long"), AgentId.of("slow"), null, token, null);
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        token.cancel();

        assertThatThrownBy(() -> reply.get(60, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(interrupted.await(60, TimeUnit.SECONDS)).as("handler saw the interrupt").isTrue();
    }

    @Test
    void cancellingABlockingSendFromAPlatformThreadFailsItAndLeavesTheCallerUninterrupted() throws Exception {
        var started = new CountDownLatch(1);
        ClosureAgent.builder("slow", Work.class, (ctx, work, mctx) -> {
            if (work.name().equals("long")) {
                started.countDown();
                Thread.sleep(60_000);
            }
            return work.name();
        }).register(runtime);
        runtime.start();
        var token = new CancellationToken();
        Thread.ofVirtual().start(() -> {
            try {
                started.await();
                token.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> runtime.sendMessage(new Work("long"), AgentId.of("slow"), null, token))
                .isInstanceOf(CancellationException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(runtime.sendMessage(new Work("next"), AgentId.of("slow"))).isEqualTo("next");
    }

    @Test
    void aBlockingSendFromAPlatformThreadWaitsBehindTheRunningAndQueuedMessages() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var handled = new CopyOnWriteArrayList<String>();
        ClosureAgent.builder("single", Work.class, (ctx, work, mctx) -> {
            if (work.name().equals("first")) {
                started.countDown();
                release.await();
            }
            handled.add(work.name());
            return work.name();
        }).register(runtime);
        runtime.start();
        var first = runtime.sendMessageAsync(new Work("first"), AgentId.of("single"));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        var queued = runtime.sendMessageAsync(new Work("queued"), AgentId.of("single"));
        Thread caller = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            while (caller.getState() != Thread.State.WAITING && handled.isEmpty()) {
                Thread.onSpinWait();
            }
            release.countDown();
        });

        assertThat(runtime.sendMessage(new Work("last"), AgentId.of("single"))).isEqualTo("last");
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(60, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThat(handled).containsExactly("first", "queued", "last");
    }

    @Test
    void handlerSeesTheCallersTokenAndTheNextMessageIsNotInterrupted() throws Exception {
        var tokens = new CopyOnWriteArrayList<CancellationToken>();
        var wasInterrupted = new CopyOnWriteArrayList<Boolean>();
        ClosureAgent.builder("worker", Work.class, (ctx, work, mctx) -> {
            tokens.add(mctx.cancellationToken());
            wasInterrupted.add(Thread.currentThread().isInterrupted());
            return work.name();
        }).register(runtime);
        runtime.start();
        var token = new CancellationToken();

        assertThat(runtime.sendMessage(new Work("a"), AgentId.of("worker"), null, token)).isEqualTo("a");
        token.cancel();
        assertThat(runtime.sendMessage(new Work("b"), AgentId.of("worker"))).isEqualTo("b");

        assertThat(tokens.get(0)).isSameAs(token);
        assertThat(wasInterrupted).containsExactly(false, false);
    }

    @Test
    void alreadyCancelledTokenFailsTheSendAtOnce() {
        ClosureAgent.builder("worker", Work.class, (ctx, work, mctx) -> work.name()).register(runtime);
        runtime.start();
        var token = new CancellationToken();
        token.cancel();

        assertThatThrownBy(() -> runtime.sendMessage(new Work("a"), AgentId.of("worker"), null, token))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void interventionHandlerDroppingADirectMessageTellsTheSender() {
        var delivered = new CopyOnWriteArrayList<Object>();
        runtime = InProcessAgentRuntime.builder()
                .interventionHandler(new InterventionHandler() {
                    @Override
                    public Intervention onSend(Object message, MessageContext ctx, AgentId recipient) {
                        return message instanceof Secret ? new DropMessage("secrets stay home") : Intervention.deliver(message);
                    }
                })
                .build();
        ClosureAgent.builder("sink", Object.class, (ctx, m, mctx) -> delivered.add(m)).register(runtime);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Secret("pin"), AgentId.of("sink")))
                .isInstanceOf(MessageDroppedException.class)
                .hasMessageContaining("Secret")
                .hasMessageContaining("secrets stay home");
        assertThat(runtime.sendMessage(new Work("fine"), AgentId.of("sink"))).isEqualTo(true);
        assertThat(delivered).containsExactly(new Work("fine"));
    }

    @Test
    void interventionHandlersSeeAndMayReplaceSendsPublishesAndResponses() {
        var log = new CopyOnWriteArrayList<String>();
        runtime = InProcessAgentRuntime.builder()
                .interventionHandler(new DefaultInterventionHandler() {
                    @Override
                    public Intervention onSend(Object message, MessageContext ctx, AgentId recipient) {
                        log.add("send " + message + " to " + recipient);
                        return Intervention.deliver(message instanceof Work w ? new Work(w.name().toUpperCase()) : message);
                    }

                    @Override
                    public Intervention onPublish(Object message, MessageContext ctx) {
                        log.add("publish " + message);
                        return message instanceof Secret ? new DropMessage() : Intervention.deliver(message);
                    }

                    @Override
                    public Intervention onResponse(Object message, AgentId sender, AgentId recipient) {
                        log.add("response " + message + " from " + sender);
                        return Intervention.deliver(message + "!");
                    }
                })
                .build();
        var published = new CopyOnWriteArrayList<Object>();
        ClosureAgent.builder("echo", Object.class, (ctx, m, mctx) -> {
                    if (!mctx.isRpc()) {
                        published.add(m);
                    }
                    return m instanceof Work w ? w.name() : null;
                })
                .subscriptions(() -> List.of(new DefaultSubscription("echo")))
                .register(runtime);
        runtime.start();

        assertThat(runtime.sendMessage(new Work("hi"), AgentId.of("echo"))).isEqualTo("HI!");
        runtime.publishMessage(new Secret("x"), DefaultTopicId.create());
        runtime.publishMessage(new Work("news"), DefaultTopicId.create());
        runtime.stopWhenIdle();

        assertThat(published).containsExactly(new Work("news"));
        assertThat(log).contains("send Work[name=hi] to echo/default", "response HI from echo/default",
                "publish Secret[value=x]", "publish Work[name=news]");
    }

    @Test
    void aPublishedMessageHandedToTheAgentsOwnThreadCountsAsHandledOnlyWhenItsFutureCompletes() throws Exception {
        var handling = new CompletableFuture<Void>();
        var delivered = new CountDownLatch(1);
        runtime = InProcessAgentRuntime.builder().build();
        ClosureAgent.builder("worker", Work.class, (ctx, work, mctx) -> {
                    delivered.countDown();
                    return handling;
                })
                .subscriptions(() -> List.of(new DefaultSubscription("worker")))
                .register(runtime);
        runtime.start();
        runtime.publishMessage(new Work("later"), DefaultTopicId.create());
        delivered.await();

        var stopper = CompletableFuture.runAsync(runtime::stopWhenIdle);
        assertThat(runtime.isRunning()).isTrue();
        assertThat(stopper).isNotDone();

        handling.complete(null);
        stopper.get(30, TimeUnit.SECONDS);
        assertThat(runtime.isRunning()).isFalse();
    }

    @Test
    void aFailedFutureOfAPublishedMessageIsReportedAsTheHandlersFailure() {
        runtime = InProcessAgentRuntime.builder().ignoreUnhandledExceptions(false).build();
        ClosureAgent.builder("worker", Work.class,
                        (ctx, work, mctx) -> CompletableFuture.failedFuture(new IllegalStateException("turn failed")))
                .subscriptions(() -> List.of(new DefaultSubscription("worker")))
                .register(runtime);
        runtime.start();
        runtime.publishMessage(new Work("x"), DefaultTopicId.create());

        assertThatThrownBy(runtime::stopWhenIdle).hasMessageContaining("turn failed");
    }

    @Test
    void interventionHandlerDroppingAResponseFailsTheCaller() {
        runtime = InProcessAgentRuntime.builder()
                .interventionHandler(new InterventionHandler() {
                    @Override
                    public Intervention onResponse(Object message, AgentId sender, AgentId recipient) {
                        return new DropMessage("reply withheld");
                    }
                })
                .build();
        ClosureAgent.builder("echo", Work.class, (ctx, w, mctx) -> w.name()).register(runtime);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Work("x"), AgentId.of("echo")))
                .isInstanceOf(MessageDroppedException.class)
                .hasMessageContaining("reply withheld");
    }

    /** Counts the messages it has seen; its state is the count. */
    static final class Counter extends RoutedAgent {
        int count;

        Counter(AgentInstantiationContext ctx) {
            super(ctx, "Counts work items.");
        }

        Counter() {
            super("A counter registered as an instance.");
        }

        @MessageHandler
        int onWork(Work work) {
            return ++count;
        }

        @Override
        public Map<String, Object> saveState() {
            return Map.of("count", count);
        }

        @Override
        public void loadState(Map<String, Object> state) {
            count = ((Number) state.get("count")).intValue();
        }
    }

    @Test
    void runtimeStateSavesEveryCreatedAgentAndLoadsIntoAFreshRuntime() {
        runtime.registerFactory("counter", Counter::new, Counter.class);
        runtime.start();
        runtime.sendMessage(new Work("a"), new AgentId("counter", "x"));
        runtime.sendMessage(new Work("b"), new AgentId("counter", "x"));
        runtime.sendMessage(new Work("c"), new AgentId("counter", "y"));

        Map<String, Object> saved = runtime.saveState();
        assertThat(saved).isEqualTo(Map.of("counter/x", Map.of("count", 2), "counter/y", Map.of("count", 1)));

        try (var restored = new InProcessAgentRuntime()) {
            restored.registerFactory("counter", Counter::new, Counter.class);
            restored.loadState(new HashMap<>(saved));
            restored.start();
            assertThat(restored.sendMessage(new Work("d"), new AgentId("counter", "x"))).isEqualTo(3);
            assertThat(restored.agentSaveState(new AgentId("counter", "y"))).isEqualTo(Map.of("count", 1));
        }
    }

    @Test
    void agentStateMetadataAndInstanceAccessForOneAgent() {
        runtime.registerFactory("counter", Counter::new, Counter.class);
        var id = new AgentId("counter", "k");

        runtime.agentLoadState(id, Map.of("count", 41));

        assertThat(runtime.agentSaveState(id)).containsEntry("count", 41);
        assertThat(runtime.agentMetadata(id)).isEqualTo(new AgentMetadata("counter", "k", "Counts work items."));
        assertThat(runtime.tryGetUnderlyingAgentInstance(id, Counter.class).count).isEqualTo(41);
        assertThatThrownBy(() -> runtime.tryGetUnderlyingAgentInstance(id, ClosureAgent.class))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining("not a " + ClosureAgent.class.getName());
        assertThat(new AgentProxy(id, runtime).metadata().description()).isEqualTo("Counts work items.");
    }

    @Test
    void instancesCanBeRegisteredUnderChosenIds() throws Exception {
        var first = new Counter();
        var second = new Counter();
        runtime.registerAgentInstance(first, new AgentId("counter", "one"));
        runtime.registerAgentInstance(second, new AgentId("counter", "two"));
        runtime.start();

        runtime.sendMessage(new Work("x"), new AgentId("counter", "one"));

        assertThat(first.count).isEqualTo(1);
        assertThat(second.count).isZero();
        assertThat(first.id()).isEqualTo(new AgentId("counter", "one"));
        assertThatThrownBy(() -> runtime.sendMessage(new Work("x"), new AgentId("counter", "three")))
                .isInstanceOf(UndeliverableException.class)
                .hasMessageContaining("no agent instance is registered as counter/three");
        assertThatThrownBy(() -> runtime.registerAgentInstance(new Counter(), new AgentId("counter", "one")))
                .hasMessageContaining("already registered as counter/one");
        runtime.registerFactory("made", Counter::new, Counter.class);
        assertThatThrownBy(() -> runtime.registerAgentInstance(new Counter(), new AgentId("made", "x")))
                .hasMessageContaining("registered with a factory");
    }

    @Test
    void getCreatesTheAgentUnlessLazy() {
        var created = new CopyOnWriteArrayList<AgentId>();
        runtime.registerFactory("counter", ctx -> {
            created.add(ctx.agentId());
            return new Counter(ctx);
        }, Counter.class);

        assertThat(runtime.get("counter", "lazy", true)).isEqualTo(new AgentId("counter", "lazy"));
        assertThat(created).isEmpty();
        runtime.get("counter", "eager", false);
        assertThat(created).containsExactly(new AgentId("counter", "eager"));
        assertThatThrownBy(() -> runtime.get("unknown", "x", true)).isInstanceOf(UndeliverableException.class);
    }

    @Test
    void stateIsNeverSavedWhileTheAgentIsHandlingAMessage() throws Exception {
        var inHandler = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        runtime.registerFactory("counter", Counter::new, Counter.class);
        ClosureAgent.builder("gate", Work.class, (ctx, w, mctx) -> {
            inHandler.countDown();
            release.await();
            return ctx.sendMessage(w, new AgentId("counter", "c"), null);
        }).register(runtime);
        runtime.start();

        var reply = runtime.sendMessageAsync(new Work("x"), AgentId.of("gate"));
        assertThat(inHandler.await(60, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(reply.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(runtime.agentSaveState(new AgentId("counter", "c"))).containsEntry("count", 1);
    }

    @Test
    void asyncSendCompletesWithTheReply() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        runtime.registerFactory("counter", Counter::new, Counter.class);
        runtime.start();
        assertThat(new AgentProxy(new AgentId("counter", "p"), runtime).sendMessage(new Work("x"))).isEqualTo(1);
        assertThat(runtime.sendMessageAsync(new Work("y"), new AgentId("counter", "p")).get(60, TimeUnit.SECONDS))
                .isEqualTo(2);
    }
}
