package dev.autogen.ext.runtimes.grpc.cluster;

import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.ClosureAgent;
import dev.autogen.core.MessageContext;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.Rpc;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.ext.runtimes.grpc.Inbox;
import java.util.List;
import java.util.Map;

/** The messages and agents of the cluster tests' workers, in this JVM or in child processes. */
final class ClusterTestAgents {
    record Ping(int n) {
    }

    record Pong(int n) {
    }

    /** Asks a relay agent to send {@code Ping(n)} to the echo agent of {@code echoType} and return its answer. */
    record Relay(String echoType, int n) {
    }

    record Note(String text) {
    }

    /** A listener heard a note. */
    record Heard(String worker, String text) {
    }

    record Increment(int by) {
    }

    record Count(int value) {
    }

    private ClusterTestAgents() {
    }

    static void addSerializers(AgentRuntime runtime) {
        runtime.addMessageSerializer(JsonMessageSerializer.of(Ping.class), JsonMessageSerializer.of(Pong.class),
                JsonMessageSerializer.of(Relay.class), JsonMessageSerializer.of(Note.class),
                JsonMessageSerializer.of(Heard.class), JsonMessageSerializer.of(Increment.class),
                JsonMessageSerializer.of(Count.class));
    }

    /**
     * A worker's agents, each type suffixed with {@code -name}: {@code echo} (Ping to Pong(n+1)),
     * {@code relay} (forwards to an echo agent), {@code listener} (subscribed to topic type {@code notes};
     * publishes {@link Heard} to topic {@code heard}), {@code counter} (state) and {@code sleeper}
     * (publishes {@code Heard(name, "asleep")}, then never answers).
     */
    static void registerWorkerAgents(AgentRuntime runtime, String name) {
        addSerializers(runtime);
        ClosureAgent.builder("echo-" + name, Ping.class, (ctx, ping, mctx) -> new Pong(ping.n() + 1)).register(runtime);
        ClosureAgent.builder("relay-" + name, Relay.class,
                (ctx, relay, mctx) -> ctx.sendMessage(new Ping(relay.n()), AgentId.of(relay.echoType()), null))
                .register(runtime);
        String listener = "listener-" + name;
        ClosureAgent.builder(listener, Note.class, (ctx, note, mctx) -> {
            ctx.publishMessage(new Heard(name, note.text()), new TopicId("heard", "default"), null);
            return null;
        }).subscriptions(() -> List.of(new TypeSubscription("notes", listener))).register(runtime);
        BaseAgent.register(runtime, "counter-" + name, Counter.class, Counter::new);
        ClosureAgent.builder("sleeper-" + name, Ping.class, (ctx, ping, mctx) -> {
            ctx.publishMessage(new Heard(name, "asleep"), new TopicId("heard", "default"), null);
            Thread.sleep(Long.MAX_VALUE);
            return null;
        }).register(runtime);
    }

    /** The {@code observer} agent puts every {@link Heard} published to topic {@code heard} in the inbox. */
    static void registerObserver(AgentRuntime runtime, Inbox<Heard> inbox) {
        ClosureAgent.builder("observer", Heard.class, (ctx, h, mctx) -> {
            inbox.add(h);
            return null;
        }).subscriptions(() -> List.of(new TypeSubscription("heard", "observer"))).register(runtime);
    }

    /** Counts; its state is {@code {"count": n}}. */
    static final class Counter extends RoutedAgent {
        private int count;

        Counter(AgentInstantiationContext ctx) {
            super(ctx, "Counts what it is sent.");
        }

        @Rpc
        Count onIncrement(Increment increment, MessageContext context) {
            count += increment.by();
            return new Count(count);
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
}
