package dev.autogen.core;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.exceptions.AgentConstructionException;
import dev.autogen.core.exceptions.CantHandleException;
import dev.autogen.core.exceptions.UndeliverableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeMessagingTest {
    record Ping(int seq) {
    }

    record Pong(int seq) {
    }

    record Note(String text) {
    }

    record Boom(String reason) {
    }

    static final class BoomException extends RuntimeException {
        BoomException(String message) {
            super(message);
        }
    }

    /** Replies to pings, records published notes with the context it saw. */
    @DefaultSubscribed
    static final class Echo extends RoutedAgent {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<MessageContext> contexts = new CopyOnWriteArrayList<>();

        Echo(AgentInstantiationContext ctx) {
            super(ctx, "Echoes pings.");
        }

        @Rpc
        Pong onPing(Ping ping) {
            return new Pong(ping.seq());
        }

        @Rpc
        Pong onBoom(Boom boom) {
            throw new BoomException(boom.reason());
        }

        @Event
        void onNote(Note note, MessageContext ctx) {
            seen.add(note.text());
            contexts.add(ctx);
        }
    }

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void directMessageReturnsTheRecipientsReply() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();

        Object reply = runtime.sendMessage(new Ping(7), AgentId.of("echo"));

        assertThat(reply).isEqualTo(new Pong(7));
        assertThat(runtime.sendMessage(new Ping(8), AgentId.of("echo"), Pong.class).seq()).isEqualTo(8);
    }

    @Test
    void recipientsExceptionReachesTheCallerUnchanged() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Boom("disk full"), AgentId.of("echo")))
                .isInstanceOf(BoomException.class)
                .hasMessage("disk full");
        assertThat(runtime.sendMessageAsync(new Boom("later"), AgentId.of("echo")))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(BoomException.class);
    }

    @Test
    void directMessageWithoutAHandlerFailsWithCantHandle() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Note("not an rpc"), AgentId.of("echo")))
                .isInstanceOf(CantHandleException.class)
                .hasMessageContaining("echo/default")
                .hasMessageContaining("Note");
    }

    @Test
    void sendingToAnUnregisteredTypeFailsNamingTheType() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Ping(1), AgentId.of("nobody")))
                .isInstanceOf(UndeliverableException.class)
                .hasMessageContaining("agent type 'nobody' is not registered")
                .hasMessageContaining("[echo]");
    }

    @Test
    void registeringATypeTwiceIsRejected() {
        runtime.registerFactory("echo", Echo::new, Echo.class);

        assertThatThrownBy(() -> runtime.registerFactory("echo", Echo::new, Echo.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent type 'echo' is already registered with this runtime");
    }

    @Test
    void factoryReturningTheWrongClassFailsTheMessageWithAClearError() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        AgentFactory<Echo> lying = (AgentFactory) (AgentFactory<ClosureAgentStub>) ClosureAgentStub::new;
        runtime.registerFactory("echo", lying, Echo.class);
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Ping(1), AgentId.of("echo")))
                .isInstanceOf(AgentConstructionException.class)
                .hasMessageContaining("returned a " + ClosureAgentStub.class.getName())
                .hasMessageContaining("registered for " + Echo.class.getName());
    }

    @Test
    void factoryFailureReachesTheSender() {
        runtime.registerFactory("broken", ctx -> {
            throw new IllegalStateException("no API key");
        });
        runtime.start();

        assertThatThrownBy(() -> runtime.sendMessage(new Ping(1), AgentId.of("broken")))
                .isInstanceOf(AgentConstructionException.class)
                .hasMessageContaining("no API key")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    static final class ClosureAgentStub extends BaseAgent {
        ClosureAgentStub(AgentInstantiationContext ctx) {
            super(ctx, "stub");
        }

        @Override
        protected Object onMessageImpl(Object message, MessageContext context) {
            return null;
        }
    }

    @Test
    void publishReachesEverySubscriberButNotTheSender() {
        var received = new ConcurrentHashMap<String, List<String>>();
        for (String type : List.of("a", "b", "c")) {
            ClosureAgent.builder(type, Note.class, (ctx, note, mctx) -> {
                        received.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(note.text());
                        return null;
                    })
                    .subscriptions(() -> List.of(new DefaultSubscription(type)))
                    .register(runtime);
        }
        runtime.start();

        runtime.publishMessage(new Note("hello"), DefaultTopicId.create(), AgentId.of("b"), null, null);
        runtime.stopWhenIdle();

        assertThat(received).containsOnlyKeys("a", "c");
        assertThat(received.get("a")).containsExactly("hello");
    }

    @Test
    void publishedMessagesGetUniqueIdsAndTheirTopic() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();
        for (int i = 0; i < 200; i++) {
            runtime.publishMessage(new Note("n" + i), new TopicId("default", "default"));
        }
        runtime.publishMessage(new Note("chosen"), new TopicId("default", "default"), null, null, "my-id");
        runtime.stopWhenIdle();

        Echo echo = runtime.tryGetUnderlyingAgentInstance(AgentId.of("echo"), Echo.class);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        echo.contexts.forEach(c -> ids.add(c.messageId()));
        assertThat(ids).hasSize(201).contains("my-id");
        assertThat(echo.contexts).allSatisfy(c -> {
            assertThat(c.isRpc()).isFalse();
            assertThat(c.topicId()).contains(new TopicId("default", "default"));
            assertThat(c.sender()).isEmpty();
        });
        assertThat(echo.seen).hasSize(201);
    }

    @Test
    void tenThousandAgentsOfOneTypeAreCreatedLazilyOnePerKey() {
        var created = new AtomicInteger();
        var handledBy = ConcurrentHashMap.<String>newKeySet();
        runtime.registerFactory("worker", ctx -> {
            created.incrementAndGet();
            return new ClosureAgentStub(ctx);
        });
        ClosureAgent.builder("counter", Note.class, (ctx, note, mctx) -> null).register(runtime);
        runtime.addSubscription(new TypeSubscription("jobs", "worker"));
        runtime.start();
        assertThat(created).hasValue(0);

        for (int i = 0; i < 10_000; i++) {
            runtime.publishMessage(new Note("job"), new TopicId("jobs", "job-" + i));
        }
        runtime.stopWhenIdle();

        assertThat(created).hasValue(10_000);
        assertThat(runtime.saveState()).hasSize(10_000).containsKey("worker/job-9999");
        for (int i = 0; i < 10_000; i += 999) {
            handledBy.add(runtime.agentMetadata(new AgentId("worker", "job-" + i)).key());
        }
        assertThat(created).as("metadata of existing agents creates nothing").hasValue(10_000);
        assertThat(handledBy).hasSize(11);
    }

    @Test
    void oneAgentHandlesOneMessageAtATimeUnlessItOptsIn() throws Exception {
        var serialMax = new AtomicInteger();
        var concurrentMax = new AtomicInteger();
        runtime.registerFactory("serial", ctx -> new Sleeper(ctx, serialMax, false));
        runtime.registerFactory("parallel", ctx -> new Sleeper(ctx, concurrentMax, true));
        runtime.start();

        var replies = new ArrayList<java.util.concurrent.CompletableFuture<Object>>();
        for (int i = 0; i < 20; i++) {
            replies.add(runtime.sendMessageAsync(new Ping(i), AgentId.of("serial")));
            replies.add(runtime.sendMessageAsync(new Ping(i), AgentId.of("parallel")));
        }
        for (var reply : replies) {
            reply.get(60, TimeUnit.SECONDS);
        }

        assertThat(serialMax).hasValue(1);
        assertThat(concurrentMax.get()).isGreaterThan(1);
    }

    static final class Sleeper extends BaseAgent {
        private final AtomicInteger active = new AtomicInteger();
        private final AtomicInteger max;
        private final boolean concurrent;

        Sleeper(AgentInstantiationContext ctx, AtomicInteger max, boolean concurrent) {
            super(ctx, "sleeps");
            this.max = max;
            this.concurrent = concurrent;
        }

        @Override
        public boolean handlesMessagesConcurrently() {
            return concurrent;
        }

        @Override
        protected Object onMessageImpl(Object message, MessageContext context) throws Exception {
            int now = active.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            Thread.sleep(5);
            active.decrementAndGet();
            return message;
        }
    }

    @Test
    void stopWhenIdleReturnsOnlyAfterEveryQueuedMessageIsHandled() {
        var handled = new AtomicInteger();
        // two agents republish to each other until the count reaches 500: a long causal chain
        for (String type : List.of("relay", "relay2")) {
            ClosureAgent.builder(type, Ping.class, (ctx, ping, mctx) -> {
                        handled.incrementAndGet();
                        if (ping.seq() < 500) {
                            ctx.publishMessage(new Ping(ping.seq() + 1), new TopicId("relay", "x"), null);
                        }
                        return null;
                    })
                    .subscriptions(() -> List.of(new TypeSubscription("relay", type)))
                    .register(runtime);
        }
        runtime.start();

        runtime.publishMessage(new Ping(1), new TopicId("relay", "x"));
        runtime.stopWhenIdle();

        // seq 1 reaches both agents; each publish reaches only the other one: 500 messages each
        assertThat(handled).hasValue(1000);
        assertThat(runtime.isRunning()).isFalse();
    }

    @Test
    void stopWhenStopsOnceTheConditionHolds() {
        var handled = new AtomicInteger();
        ClosureAgent.builder("sink", Note.class, (ctx, note, mctx) -> {
                    handled.incrementAndGet();
                    return null;
                })
                .subscriptions(() -> List.of(new DefaultSubscription("sink")))
                .register(runtime);
        runtime.start();
        for (int i = 0; i < 50; i++) {
            runtime.publishMessage(new Note("n"), DefaultTopicId.create());
        }

        runtime.stopWhen(() -> handled.get() >= 10);

        assertThat(handled.get()).isGreaterThanOrEqualTo(10);
        assertThat(runtime.isRunning()).isFalse();
    }

    @Test
    void messagesSentBeforeStartWaitForIt() throws Exception {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        var reply = runtime.sendMessageAsync(new Ping(3), AgentId.of("echo"));
        Thread.sleep(50);
        assertThat(reply).isNotDone();

        runtime.start();

        assertThat(reply.get(60, TimeUnit.SECONDS)).isEqualTo(new Pong(3));
    }

    @Test
    void startTwiceAndStopWhenIdleBeforeStartAreErrors() {
        assertThatThrownBy(runtime::stopWhenIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        runtime.start();
        assertThatThrownBy(runtime::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void closeFailsQueuedDirectMessages() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        var reply = runtime.sendMessageAsync(new Ping(3), AgentId.of("echo"));

        runtime.close();

        assertThat(reply).isCompletedExceptionally();
        assertThatThrownBy(() -> runtime.sendMessageAsync(new Ping(1), AgentId.of("echo")))
                .hasMessageContaining("closed");
    }

    @Test
    void unhandledPublishExceptionsAreRethrownWhenTheRuntimeIsStrict() {
        try (var strict = InProcessAgentRuntime.builder().ignoreUnhandledExceptions(false).build()) {
            ClosureAgent.builder("fails", Note.class, (ctx, note, mctx) -> {
                        throw new BoomException("handler broke on " + note.text());
                    })
                    .subscriptions(() -> List.of(new DefaultSubscription("fails")))
                    .register(strict);
            strict.start();
            strict.publishMessage(new Note("x"), DefaultTopicId.create());

            assertThatThrownBy(strict::stopWhenIdle).isInstanceOf(BoomException.class)
                    .hasMessage("handler broke on x");
        }
    }

    @Test
    void handlerSendingToItselfAndWaitingIsRefused() {
        var errors = Collections.synchronizedList(new ArrayList<Throwable>());
        ClosureAgent.builder("selfish", Ping.class, (ctx, ping, mctx) -> {
            try {
                return ctx.sendMessage(new Ping(0), ctx.id(), null);
            } catch (IllegalStateException e) {
                errors.add(e);
                return "refused";
            }
        }).register(runtime);
        runtime.start();

        assertThat(runtime.sendMessage(new Ping(1), AgentId.of("selfish"))).isEqualTo("refused");
        assertThat(errors).singleElement().extracting(Throwable::getMessage).asString()
                .contains("sent a direct message to itself");
    }

    @Test
    void agentsCanCallEachOtherAndPassTheirIdAsSender() {
        var senders = new CopyOnWriteArrayList<Object>();
        ClosureAgent.builder("callee", Ping.class, (ctx, ping, mctx) -> {
            senders.add(mctx.sender().orElseThrow());
            return new Pong(ping.seq() * 2);
        }).register(runtime);
        ClosureAgent.builder("caller", Ping.class,
                (ctx, ping, mctx) -> ctx.sendMessage(ping, AgentId.of("callee"), mctx.cancellationToken()))
                .register(runtime);
        runtime.start();

        assertThat(runtime.sendMessage(new Ping(21), AgentId.of("caller"))).isEqualTo(new Pong(42));
        assertThat(senders).containsExactly(AgentId.of("caller"));
    }

    @Test
    void defaultTopicIdInsideAHandlerUsesTheAgentsKey() {
        var topics = new CopyOnWriteArrayList<TopicId>();
        ClosureAgent.builder("keyed", Note.class, (ctx, note, mctx) -> {
                    topics.add(DefaultTopicId.create());
                    return null;
                })
                .subscriptions(() -> List.of(new TypeSubscription("chat", "keyed")))
                .register(runtime);
        runtime.start();

        runtime.publishMessage(new Note("hi"), new TopicId("chat", "conversation-42"));
        runtime.stopWhenIdle();

        assertThat(topics).containsExactly(new TopicId("default", "conversation-42"));
    }

    @Test
    void directMessagePublishedToAnAgentTypePrefixReachesIt() {
        BaseAgent.register(runtime, "echo", Echo.class, Echo::new);
        runtime.start();

        runtime.publishMessage(new Note("direct"), new TopicId("echo:", "k1"));
        runtime.stopWhenIdle();

        assertThat(runtime.tryGetUnderlyingAgentInstance(new AgentId("echo", "k1"), Echo.class).seen)
                .containsExactly("direct");
    }

    @Test
    void subscriptionsCanBeRemovedAndDuplicatesAreRejected() {
        ClosureAgent.builder("sink", Note.class, (ctx, note, mctx) -> null).register(runtime);
        var subscription = new TypeSubscription("news", "sink");
        runtime.addSubscription(subscription);

        assertThatThrownBy(() -> runtime.addSubscription(new TypeSubscription("news", "sink")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        runtime.removeSubscription(subscription.id());
        assertThat(runtime.subscriptions()).doesNotContain(subscription);
        assertThatThrownBy(() -> runtime.removeSubscription(subscription.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no subscription with id");
    }

    @Test
    void publishToASubscriptionOfAnUnregisteredTypeIsUndeliverable() {
        runtime.addSubscription(new TypeSubscription("news", "ghost"));

        assertThatThrownBy(() -> runtime.publishMessage(new Note("x"), new TopicId("news", "s")))
                .isInstanceOf(UndeliverableException.class)
                .hasMessageContaining("'ghost'");
    }
}
