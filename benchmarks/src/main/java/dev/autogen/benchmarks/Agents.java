package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Burst;
import dev.autogen.benchmarks.Messages.Ping;
import dev.autogen.benchmarks.Messages.Pong;
import dev.autogen.benchmarks.Messages.Tick;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.Event;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.Rpc;
import java.util.function.IntConsumer;

/** The agents the benchmarks run: ordinary {@link RoutedAgent}s with annotated handlers, as users write them. */
final class Agents {
    static final String ECHO = "echo";
    static final String DRIVER = "driver";

    private Agents() {
    }

    /** Replies to each ping with a pong. */
    static final class Echo extends RoutedAgent {
        Echo(AgentInstantiationContext context) {
            super(context, "Replies to pings.");
        }

        @Rpc
        Pong onPing(Ping ping) {
            return new Pong(ping.seq());
        }
    }

    /** On a burst, makes that many round trips to the echo agent from its own handler, one after another. */
    static final class Driver extends RoutedAgent {
        private final AgentId echo;

        Driver(AgentInstantiationContext context) {
            super(context, "Calls the echo agent in a loop.");
            this.echo = AgentId.of(ECHO);
        }

        @Rpc
        Integer onBurst(Burst burst) {
            int sum = 0;
            for (int i = 0; i < burst.count(); i++) {
                sum += ((Pong) sendMessage(new Ping(i), echo)).seq();
            }
            return sum;
        }
    }

    /** Reports each published tick to {@code counter} with its own index. */
    static final class Sink extends RoutedAgent {
        private final int index;
        private final IntConsumer counter;

        Sink(AgentInstantiationContext context, int index, IntConsumer counter) {
            super(context, "Counts ticks.");
            this.index = index;
            this.counter = counter;
        }

        @Event
        void onTick(Tick tick) {
            counter.accept(index);
        }
    }
}
