package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Tick;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.runtime.InProcessAgentRuntime;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publish deliveries per second to 1 and to 10 subscribers, next to the bare-JDK baseline of the
 * same fan-out through one {@link LinkedBlockingQueue} per consumer virtual thread. One invocation
 * publishes {@value #BATCH} messages from the benchmark thread and waits until every subscriber has
 * handled every one; the score counts deliveries (messages times subscribers).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PublishDelivery {
    static final int BATCH = 1_000;
    static final String TOPIC_TYPE = "ticks";

    /** A runtime with {@link #subscribers()} sink agents on one topic, and as many baseline consumers. */
    public abstract static class Fan {
        private final TopicId topic = new TopicId(TOPIC_TYPE, "bench");
        private @Nullable InProcessAgentRuntime runtime;
        private @Nullable LinkedBlockingQueue<Tick>[] queues;
        private @Nullable Thread[] consumers;
        private volatile CountDownLatch @Nullable [] latches;

        abstract int subscribers();

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp() {
            int n = subscribers();
            InProcessAgentRuntime rt = new InProcessAgentRuntime();
            for (int i = 0; i < n; i++) {
                int index = i;
                String type = "sink" + i;
                BaseAgent.register(rt, type, Agents.Sink.class, ctx -> new Agents.Sink(ctx, index, this::count));
                rt.addSubscription(new TypeSubscription(TOPIC_TYPE, type));
            }
            rt.start();
            runtime = rt;
            queues = new LinkedBlockingQueue[n];
            consumers = new Thread[n];
            for (int i = 0; i < n; i++) {
                int index = i;
                LinkedBlockingQueue<Tick> queue = new LinkedBlockingQueue<>();
                queues[i] = queue;
                consumers[i] = Thread.ofVirtual().name("baseline-consumer-" + i).start(() -> consume(queue, index));
            }
            publishBatch();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            if (runtime != null) {
                runtime.close();
            }
            if (consumers != null) {
                for (Thread consumer : consumers) {
                    consumer.interrupt();
                    consumer.join();
                }
            }
        }

        private void count(int index) {
            latches[index].countDown();
        }

        private void consume(BlockingQueue<Tick> queue, int index) {
            try {
                while (true) {
                    queue.take();
                    count(index);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }

        private CountDownLatch[] arm() {
            CountDownLatch[] armed = new CountDownLatch[subscribers()];
            for (int i = 0; i < armed.length; i++) {
                armed[i] = new CountDownLatch(BATCH);
            }
            latches = armed;
            return armed;
        }

        void publishBatch() {
            CountDownLatch[] armed = arm();
            for (int i = 0; i < BATCH; i++) {
                runtime.publishMessage(new Tick(i), topic);
            }
            awaitAll(armed);
        }

        void offerBatch() {
            CountDownLatch[] armed = arm();
            for (int i = 0; i < BATCH; i++) {
                Tick tick = new Tick(i);
                for (LinkedBlockingQueue<Tick> queue : queues) {
                    queue.offer(tick);
                }
            }
            awaitAll(armed);
        }

        private static void awaitAll(CountDownLatch[] armed) {
            try {
                for (CountDownLatch latch : armed) {
                    latch.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for deliveries");
            }
        }
    }

    /** One subscriber. */
    @State(Scope.Thread)
    public static class OneSubscriber extends Fan {
        @Override
        int subscribers() {
            return 1;
        }
    }

    /** Ten subscribers of ten agent types, as in a group chat of ten participants. */
    @State(Scope.Thread)
    public static class TenSubscribers extends Fan {
        @Override
        int subscribers() {
            return 10;
        }
    }

    /** {@code runtime.publishMessage} to a topic with one subscribing agent. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishTo1(OneSubscriber fan) {
        fan.publishBatch();
    }

    /** {@code runtime.publishMessage} to a topic with ten subscribing agents. */
    @Benchmark
    @OperationsPerInvocation(BATCH * 10)
    public void publishTo10(TenSubscribers fan) {
        fan.publishBatch();
    }

    /** Baseline: the benchmark thread offers each message to one consumer virtual thread's queue. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineQueueTo1(OneSubscriber fan) {
        fan.offerBatch();
    }

    /** Baseline: the benchmark thread offers each message to ten consumer virtual threads' queues. */
    @Benchmark
    @OperationsPerInvocation(BATCH * 10)
    public void baselineQueueTo10(TenSubscribers fan) {
        fan.offerBatch();
    }
}
