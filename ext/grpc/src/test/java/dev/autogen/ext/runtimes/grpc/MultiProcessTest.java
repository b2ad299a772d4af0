package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.autogen.core.AgentId;
import dev.autogen.core.TopicId;
import dev.autogen.ext.runtimes.grpc.TestAgents.Count;
import dev.autogen.ext.runtimes.grpc.TestAgents.Heard;
import dev.autogen.ext.runtimes.grpc.TestAgents.Increment;
import dev.autogen.ext.runtimes.grpc.TestAgents.Note;
import dev.autogen.ext.runtimes.grpc.TestAgents.Ping;
import dev.autogen.ext.runtimes.grpc.TestAgents.Pong;
import dev.autogen.ext.runtimes.grpc.TestAgents.Relay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The host and two workers each in an OS process of their own ({@link HostMain}, {@link WorkerMain}),
 * on loopback; this JVM joins as a third worker that sends, publishes and observes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class MultiProcessTest {
    private final List<JavaProcess> processes = new ArrayList<>();
    private final Inbox<Heard> heard = new Inbox<>();
    private String hostAddress;
    private GrpcWorkerAgentRuntime observer;

    @BeforeAll
    void startProcesses() throws Exception {
        JavaProcess host = started(JavaProcess.start("host", HostMain.class));
        hostAddress = host.awaitLine("HOST-READY ");
        startWorker("w1");
        startWorker("w2");
        observer = GrpcWorkerAgentRuntime.builder(hostAddress).build();
        TestAgents.addSerializers(observer);
        observer.start();
        TestAgents.registerObserver(observer, heard);
    }

    private JavaProcess startWorker(String name) throws Exception {
        JavaProcess worker = started(JavaProcess.start("worker-" + name, WorkerMain.class, hostAddress, name));
        worker.awaitLine("WORKER-READY " + name);
        return worker;
    }

    private JavaProcess started(JavaProcess process) {
        processes.add(process);
        return process;
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
        for (JavaProcess process : processes.reversed()) {
            process.close();
        }
    }

    @Test
    void rpcAcrossProcesses() {
        assertThat(observer.sendMessage(new Ping(41), AgentId.of("echo-w1"), Pong.class)).isEqualTo(new Pong(42));
        // w1's relay agent calls w2's echo agent from its handler: worker to worker through the host
        assertThat(observer.sendMessage(new Relay("echo-w2", 9), AgentId.of("relay-w1"))).isEqualTo(new Pong(10));
        assertThatThrownBy(() -> observer.sendMessage(new Ping(-5), AgentId.of("echo-w2")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessage("request to agent echo-w2/default failed: negative n: -5");
    }

    @Test
    void publishReachesSubscribersInEveryProcess() throws InterruptedException {
        observer.publishMessage(new Note("hello"), new TopicId("notes", "default"));
        assertThat(heard.take(2)).extracting(Heard::worker, Heard::text)
                .containsExactlyInAnyOrder(tuple("w1", "hello"), tuple("w2", "hello"));
    }

    @Test
    void typePrefixSubscriptionsAcrossProcesses() throws InterruptedException {
        observer.publishMessage(new Note("smoke"), new TopicId("alerts.smoke", "kitchen"));
        assertThat(heard.take(2)).extracting(Heard::worker, Heard::topicType)
                .containsExactlyInAnyOrder(tuple("w1", "alerts.smoke"), tuple("w2", "alerts.smoke"));
        observer.publishMessage(new Note("direct"), new TopicId("listener-w1:", "default"));
        assertThat(heard.take(1)).extracting(Heard::worker).containsExactly("w1");
    }

    @Test
    void stateOfAnAgentInAnotherProcess() {
        AgentId counter = new AgentId("counter-w2", "state-test");
        observer.sendMessage(new Increment(2), counter);
        observer.sendMessage(new Increment(3), counter);
        assertThat(observer.agentSaveState(counter)).isEqualTo(Map.of("count", 5));
        observer.agentLoadState(counter, Map.of("count", 40));
        assertThat(observer.sendMessage(new Increment(2), counter)).isEqualTo(new Count(42));
    }

    @Test
    void aKilledWorkerFailsTheRpcsToItsAgentsAtOnceNamingTheAgent() throws Exception {
        JavaProcess w3 = startWorker("w3");
        CompletableFuture<Object> waiting = observer.sendMessageAsync(new Ping(1), AgentId.of("sleeper-w3"));
        assertThat(heard.take(1)).containsExactly(new Heard("w3", "asleep", "", ""));
        w3.kill();
        assertThatThrownBy(() -> waiting.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemoteAgentException.class)
                .hasMessage("request to agent sleeper-w3/default failed: agent sleeper-w3/default is unreachable:"
                        + " its worker disconnected before replying");
        assertThatThrownBy(() -> observer.sendMessage(new Ping(1), AgentId.of("echo-w3")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessageContaining("no worker connected to this host serves agent type 'echo-w3'");
        // the other workers are unaffected
        assertThat(observer.sendMessage(new Ping(1), AgentId.of("echo-w1"))).isEqualTo(new Pong(2));
    }

}
