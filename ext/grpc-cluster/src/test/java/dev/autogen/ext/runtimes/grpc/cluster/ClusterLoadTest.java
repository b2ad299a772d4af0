package dev.autogen.ext.runtimes.grpc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.AgentId;
import dev.autogen.core.ClosureAgent;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import dev.autogen.ext.runtimes.grpc.JavaProcess;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Note;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Ping;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Pong;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The load figure of docs/benchmarks.md: N workers x M agents send RPCs and publish through a host
 * cluster of 1 and then 3 nodes (each node an OS process) for a fixed time, and the throughput and
 * p99 latency of each are printed and appended to {@code target/cluster-load.txt}. Stops by itself.
 * Not part of the normal test run:
 *
 * <pre>
 * ./mvnw -pl ext/grpc-cluster test -Dtest=ClusterLoadTest -Dautogen.cluster.load=true \
 *     [-Dload.workers=6 -Dload.agents=20 -Dload.callers=8 -Dload.seconds=20 -Dload.nodes=1,3]
 * </pre>
 */
@EnabledIfSystemProperty(named = "autogen.cluster.load", matches = "true")
class ClusterLoadTest {
    private static final int WORKERS = Integer.getInteger("load.workers", 6);
    private static final int AGENTS = Integer.getInteger("load.agents", 20);
    private static final int CALLERS = Integer.getInteger("load.callers", 8);
    private static final int SECONDS = Integer.getInteger("load.seconds", 20);
    private static final int WARMUP_SECONDS = 5;
    /** One operation in this many is a publish (delivered to every worker's sink) instead of an RPC. */
    private static final int PUBLISH_EVERY = 10;

    record Result(int nodes, long rpcs, long publishes, long delivered, double seconds, long p50Micros, long p99Micros,
            long errors, double hostCpuSeconds, double workerCpuSeconds, double idleHostCores) {
        String describe() {
            return String.format(Locale.ROOT, "nodes=%d workers=%d agents/worker=%d callers/worker=%d: %.0f RPC/s"
                    + " (p50 %.2f ms, p99 %.2f ms), %.0f publishes/s delivered %.0f times/s, %d errors;"
                    + " host nodes used %.2f CPU-s (%.3f CPU-ms per RPC, publishes included; %.3f cores when idle),"
                    + " workers %.2f CPU-s",
                    nodes, WORKERS, AGENTS, CALLERS, rpcs / seconds, p50Micros / 1000.0, p99Micros / 1000.0,
                    publishes / seconds, delivered / seconds, errors, hostCpuSeconds, hostCpuSeconds * 1000 / rpcs,
                    idleHostCores, workerCpuSeconds);
        }
    }

    private static double cpuSeconds(List<JavaProcess> processes) {
        return processes.stream().mapToLong(p -> p.cpuTime().toNanos()).sum() / 1e9;
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    @Test
    void throughputAndLatencyWithOneAndThreeNodes() throws Exception {
        List<Result> results = new ArrayList<>();
        for (String n : System.getProperty("load.nodes", "1,3").split(",")) {
            Result result = run(Integer.parseInt(n.strip()));
            System.out.println("CLUSTER-LOAD " + result.describe());
            Files.writeString(Path.of("target", "cluster-load.txt"), result.describe() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            results.add(result);
        }
        if (results.size() == 2) {
            String ratio = String.format(Locale.ROOT, "ratio %d/%d nodes: RPC throughput x%.2f, p99 x%.2f",
                    results.get(1).nodes(), results.get(0).nodes(),
                    (double) results.get(1).rpcs() / results.get(0).rpcs(),
                    (double) results.get(1).p99Micros() / results.get(0).p99Micros());
            System.out.println("CLUSTER-LOAD " + ratio);
            Files.writeString(Path.of("target", "cluster-load.txt"), ratio + "\n", StandardOpenOption.APPEND);
        }
        assertThat(results).allSatisfy(r -> assertThat(r.rpcs()).isPositive());
    }

    private Result run(int nodeCount) throws Exception {
        List<JavaProcess> nodes = new ArrayList<>();
        List<GrpcWorkerAgentRuntime> workers = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                ports.add(freePort());
            }
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                JavaProcess node = JavaProcess.start("load-node" + (i + 1) + "-of-" + nodeCount,
                        List.of("-Xmx512m", "-XX:+UseParallelGC"), NodeMain.class,
                        Integer.toString(ports.get(i)), "127.0.0.1:" + ports.getFirst());
                nodes.add(node);
                if (i == 0) {
                    addresses.add(node.awaitLine("NODE-READY "));
                }
            }
            for (int i = 1; i < nodeCount; i++) {
                addresses.add(nodes.get(i).awaitLine("NODE-READY "));
            }
            double idleBefore = cpuSeconds(nodes);
            Thread.sleep(Duration.ofSeconds(5));
            double idleCpu = (cpuSeconds(nodes) - idleBefore) / 5;
            AtomicLong delivered = new AtomicLong();
            for (int k = 0; k < WORKERS; k++) {
                List<String> order = new ArrayList<>();
                for (int i = 0; i < nodeCount; i++) {
                    order.add(addresses.get((k + i) % nodeCount));
                }
                GrpcWorkerAgentRuntime worker = GrpcWorkerAgentRuntime.builder(String.join(",", order)).build();
                ClusterTestAgents.addSerializers(worker);
                worker.start();
                ClosureAgent.builder("echo-" + k, Ping.class, (ctx, ping, mctx) -> new Pong(ping.n() + 1)).register(worker);
                String sink = "sink-" + k;
                ClosureAgent.builder(sink, Note.class, (ctx, note, mctx) -> {
                    delivered.incrementAndGet();
                    return null;
                }).subscriptions(() -> List.of(new TypeSubscription("load", sink))).register(worker);
                workers.add(worker);
            }
            // every worker reaches every other one before the clock starts
            for (GrpcWorkerAgentRuntime worker : workers) {
                for (int j = 0; j < WORKERS; j++) {
                    worker.sendMessage(new Ping(0), new AgentId("echo-" + j, "warm"));
                }
            }

            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong rpcs = new AtomicLong();
            AtomicLong publishes = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            List<Thread> callers = new ArrayList<>();
            for (GrpcWorkerAgentRuntime worker : workers) {
                for (int c = 0; c < CALLERS; c++) {
                    long[] samples = new long[200_000];
                    int[] count = new int[1];
                    latencies.add(samples);
                    callers.add(Thread.ofVirtual().start(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long op = 0;
                        while (!stop.get()) {
                            try {
                                if (++op % PUBLISH_EVERY == 0) {
                                    worker.publishMessage(new Note("n"), new TopicId("load", "default"));
                                    if (measuring.get()) {
                                        publishes.incrementAndGet();
                                    }
                                    continue;
                                }
                                AgentId target = new AgentId("echo-" + random.nextInt(WORKERS), "a" + random.nextInt(AGENTS));
                                long start = System.nanoTime();
                                worker.sendMessage(new Ping(1), target);
                                long micros = (System.nanoTime() - start) / 1000;
                                if (measuring.get()) {
                                    rpcs.incrementAndGet();
                                    if (count[0] < samples.length) {
                                        samples[count[0]++] = micros + 1; // 0 marks an empty slot
                                    }
                                }
                            } catch (RuntimeException e) {
                                if (measuring.get()) {
                                    errors.incrementAndGet();
                                }
                            }
                        }
                    }));
                }
            }
            Thread.sleep(Duration.ofSeconds(WARMUP_SECONDS));
            long deliveredBefore = delivered.get();
            double hostCpuBefore = cpuSeconds(nodes);
            double ownCpuBefore = ownCpuSeconds();
            long started = System.nanoTime();
            measuring.set(true);
            Thread.sleep(Duration.ofSeconds(SECONDS));
            measuring.set(false);
            double hostCpu = cpuSeconds(nodes) - hostCpuBefore;
            double ownCpu = ownCpuSeconds() - ownCpuBefore;
            double seconds = (System.nanoTime() - started) / 1e9;
            long deliveredDuring = delivered.get() - deliveredBefore;
            stop.set(true);
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(30));
            }
            long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
            long p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] - 1;
            long p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] - 1;
            return new Result(nodeCount, rpcs.get(), publishes.get(), deliveredDuring, seconds, p50, p99, errors.get(),
                    hostCpu, ownCpu, idleCpu);
        } finally {
            for (GrpcWorkerAgentRuntime worker : workers) {
                worker.close();
            }
            for (JavaProcess node : nodes.reversed()) {
                node.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
