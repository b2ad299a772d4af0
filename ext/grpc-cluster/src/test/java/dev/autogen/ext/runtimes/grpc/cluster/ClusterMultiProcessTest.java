package dev.autogen.ext.runtimes.grpc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.autogen.core.AgentId;
import dev.autogen.core.TopicId;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import dev.autogen.ext.runtimes.grpc.Inbox;
import dev.autogen.ext.runtimes.grpc.JavaProcess;
import dev.autogen.ext.runtimes.grpc.RemoteAgentException;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Count;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Heard;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Increment;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Note;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Ping;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Pong;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Relay;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Three host nodes and three workers, each an OS process of its own, on loopback; this JVM joins as a
 * fourth worker that sends, publishes and observes. Worker {@code wN} connects to node N first. The
 * last tests kill node 3 with SIGKILL under traffic, then let a fourth node join.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ClusterMultiProcessTest {
    private final List<JavaProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Inbox<Heard> heard = new Inbox<>();
    private final List<Integer> clusterPorts = new ArrayList<>();
    private final List<String> nodeAddresses = new ArrayList<>();
    private final List<JavaProcess> nodes = new ArrayList<>();
    private GrpcWorkerAgentRuntime observer;

    @BeforeAll
    void startCluster() throws Exception {
        for (int i = 0; i < 4; i++) {
            clusterPorts.add(freePort());
        }
        startNode(0);
        JavaProcess n2 = startNodeProcess(1);
        JavaProcess n3 = startNodeProcess(2);
        nodeAddresses.add(n2.awaitLine("NODE-READY "));
        nodeAddresses.add(n3.awaitLine("NODE-READY "));
        List<JavaProcess> workers = List.of(
                startWorkerProcess("w1", List.of(0, 1, 2)),
                startWorkerProcess("w2", List.of(1, 2, 0)),
                startWorkerProcess("w3", List.of(2, 0, 1)));
        for (JavaProcess worker : workers) {
            worker.awaitLine("WORKER-READY ");
        }
        observer = GrpcWorkerAgentRuntime.builder(nodeAddresses.get(0) + "," + nodeAddresses.get(1))
                .reconnectBackoff(Duration.ofMillis(500)).build();
        ClusterTestAgents.addSerializers(observer);
        observer.start();
        ClusterTestAgents.registerObserver(observer, heard);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Node {@code index} (0-based) joins through node 0's cluster port. */
    private JavaProcess startNodeProcess(int index) throws IOException {
        JavaProcess node = JavaProcess.start("node" + (index + 1), NodeMain.class,
                Integer.toString(clusterPorts.get(index)), "127.0.0.1:" + clusterPorts.get(0));
        processes.add(node);
        nodes.add(node);
        return node;
    }

    private void startNode(int index) throws Exception {
        nodeAddresses.add(startNodeProcess(index).awaitLine("NODE-READY "));
    }

    private JavaProcess startWorkerProcess(String name, List<Integer> nodeOrder) throws IOException {
        String addresses = String.join(",", nodeOrder.stream().map(nodeAddresses::get).toList());
        JavaProcess worker = JavaProcess.start("worker-" + name, WorkerMain.class, addresses, name);
        processes.add(worker);
        return worker;
    }

    @BeforeEach
    void forgetEarlierMessages() {
        heard.clear();
    }

    @AfterAll
    void stopProcesses() throws InterruptedException {
        if (observer != null) {
            observer.close();
        }
        List<JavaProcess> all = new ArrayList<>(processes);
        Collections.reverse(all);
        for (JavaProcess process : all) {
            process.close();
        }
    }

    @Test
    @Order(1)
    void rpcAcrossNodes() {
        // this JVM is connected to node 1; echo-w2 to node 2, echo-w3 to node 3
        assertThat(observer.sendMessage(new Ping(41), AgentId.of("echo-w2"), Pong.class)).isEqualTo(new Pong(42));
        assertThat(observer.sendMessage(new Ping(1), AgentId.of("echo-w3"), Pong.class)).isEqualTo(new Pong(2));
        // w1's relay (node 1) calls w3's echo (node 3) from its handler: worker to worker across nodes
        assertThat(observer.sendMessage(new Relay("echo-w3", 9), AgentId.of("relay-w1"))).isEqualTo(new Pong(10));
        assertThat(observer.sendMessage(new Relay("echo-w1", 19), AgentId.of("relay-w2"))).isEqualTo(new Pong(20));
    }

    @Test
    @Order(2)
    void anUnknownAgentTypeFailsAtOnceNamingIt() {
        assertThatThrownBy(() -> observer.sendMessage(new Ping(1), AgentId.of("nobody")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessageContaining("no worker connected to this cluster serves agent type 'nobody'");
    }

    @Test
    @Order(3)
    void publishReachesSubscribersOnEveryNode() throws InterruptedException {
        observer.publishMessage(new Note("hello"), new TopicId("notes", "default"));
        assertThat(heard.take(3)).extracting(Heard::worker, Heard::text)
                .containsExactlyInAnyOrder(tuple("w1", "hello"), tuple("w2", "hello"), tuple("w3", "hello"));
    }

    @Test
    @Order(4)
    void stateOfAnAgentBehindAnotherNode() {
        AgentId counter = new AgentId("counter-w3", "state-test");
        observer.sendMessage(new Increment(2), counter);
        observer.sendMessage(new Increment(3), counter);
        assertThat(observer.agentSaveState(counter)).isEqualTo(Map.of("count", 5));
        observer.agentLoadState(counter, Map.of("count", 40));
        assertThat(observer.sendMessage(new Increment(2), counter)).isEqualTo(new Count(42));
    }

    @Test
    @Order(5)
    void anAgentTypeServedThroughOneNodeCannotBeClaimedThroughAnother() {
        try (GrpcWorkerAgentRuntime intruder = GrpcWorkerAgentRuntime.builder(nodeAddresses.get(1)).build()) {
            ClusterTestAgents.addSerializers(intruder);
            intruder.start();
            assertThatThrownBy(() -> dev.autogen.core.ClosureAgent.builder("echo-w3", Ping.class,
                    (ctx, ping, mctx) -> new Pong(0)).register(intruder))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Agent type echo-w3 already registered with client");
        }
    }

    @Test
    @Order(10)
    void aNodeKilledMidTrafficEndsEveryCallAndRoutingContinues() throws Exception {
        // a call that waits, forever, on the worker connected to node 3
        CompletableFuture<Object> sleeping = observer.sendMessageAsync(new Ping(1), AgentId.of("sleeper-w3"));
        assertThat(heard.take(1)).containsExactly(new Heard("w3", "asleep"));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger w3AnsweredAfterKill = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<String> hung = Collections.synchronizedList(new ArrayList<>());
        List<String> targets = List.of("echo-w1", "echo-w2", "echo-w3");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Thread traffic = Thread.ofVirtual().start(() -> {
            int n = 0;
            while (!stop.get()) {
              try {
                boolean afterKill = killed.get();
                List<CompletableFuture<Object>> batch = new ArrayList<>();
                for (String target : targets) {
                    batch.add(observer.sendMessageAsync(new Ping(n++), AgentId.of(target)));
                }
                batch.add(observer.sendMessageAsync(new Relay("echo-w3", n++), AgentId.of("relay-w2")));
                for (int i = 0; i < batch.size(); i++) {
                    String target = i < targets.size() ? targets.get(i) : "relay-w2";
                    try {
                        batch.get(i).get(60, TimeUnit.SECONDS);
                        completed.incrementAndGet();
                        if (afterKill && target.equals("echo-w3")) {
                            w3AnsweredAfterKill.incrementAndGet();
                        }
                    } catch (ExecutionException e) {
                        errors.add(target + ": " + e.getCause().getMessage());
                    } catch (TimeoutException e) {
                        hung.add(target);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
              } catch (RuntimeException e) {
                  progress.add("traffic failed: " + e);
                  return;
              }
            }
        });
        await(() -> "traffic flows through all three nodes", () -> completed.get() >= 40);

        nodes.get(2).kill();
        killed.set(true);

        // the call waiting on node 3's worker fails with an error instead of waiting forever
        assertThatThrownBy(() -> sleeping.get(90, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemoteAgentException.class).hasMessageContaining("sleeper-w3")
                .hasMessageContaining("unreachable");
        // worker 3 reconnects to another node and serves its agents again
        await(() -> "worker 3 answers again through another node; completed " + completed + ", w3 after kill "
                + w3AnsweredAfterKill + ", hung " + hung + ", errors " + errors + ", " + progress,
                () -> w3AnsweredAfterKill.get() >= 10);
        stop.set(true);
        traffic.join(Duration.ofSeconds(120));

        assertThat(hung).as("calls that got no answer within 90 s").isEmpty();
        assertThat(errors).allSatisfy(error -> assertThat(error).containsAnyOf("unreachable", "is closed",
                "left the cluster", "lost its connection", "no worker connected to this cluster serves"));

        // published messages reach every live subscriber after the re-routing
        awaitEveryListenerHearsAProbe();
        heard.clear();
        for (int i = 0; i < 10; i++) {
            observer.publishMessage(new Note("after-" + i), new TopicId("notes", "default"));
        }
        Set<String> got = new HashSet<>();
        while (got.size() < 30) {
            Heard h = heard.poll(Duration.ofSeconds(60));
            assertThat(h).as("published notes heard so far: %s", got).isNotNull();
            if (h.text().startsWith("after-")) {
                assertThat(got.add(h.worker() + ":" + h.text())).as("delivered once: %s", h).isTrue();
            }
        }
    }

    private void awaitEveryListenerHearsAProbe() throws InterruptedException {
        Set<String> reached = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int probe = 0;
        while (reached.size() < 3) {
            assertThat(System.nanoTime()).as("every listener hears a probe within 90 s; reached %s", reached)
                    .isLessThan(deadline);
            observer.publishMessage(new Note("probe-" + probe++), new TopicId("notes", "default"));
            Heard h;
            while ((h = heard.poll(Duration.ofMillis(500))) != null) {
                reached.add(h.worker());
            }
        }
    }

    @Test
    @Order(20)
    void aJoiningNodeTakesAShareOfTheEntitiesAndRoutes() throws Exception {
        JavaProcess n4 = startNodeProcess(3);
        String address = n4.awaitLine("NODE-READY ");
        // rebalancing moves some of the agent type entities to it, before any worker connects to it
        n4.awaitLine("SHARDS ", shards -> Integer.parseInt(shards) > 0);
        JavaProcess w4 = JavaProcess.start("worker-w4", WorkerMain.class, address, "w4");
        processes.add(w4);
        w4.awaitLine("WORKER-READY ");
        assertThat(observer.sendMessage(new Ping(1), AgentId.of("echo-w4"))).isEqualTo(new Pong(2));
        assertThat(observer.sendMessage(new Relay("echo-w1", 5), AgentId.of("relay-w4"))).isEqualTo(new Pong(6));
        observer.publishMessage(new Note("welcome"), new TopicId("notes", "default"));
        assertThat(heard.take(4)).extracting(Heard::worker)
                .containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
    }

    private static void await(java.util.function.Supplier<String> what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + what.get());
            }
            Thread.sleep(100);
        }
    }
}
