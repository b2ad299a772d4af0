package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.TopicId;
import dev.autogen.core.exceptions.NotAccessibleException;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A host and three workers in this JVM, talking over loopback gRPC. */
@Timeout(60)
class GrpcWorkerAgentRuntimeTest {
    private GrpcWorkerAgentRuntimeHost host;
    private final List<GrpcWorkerAgentRuntime> workers = new ArrayList<>();
    private final Inbox<Heard> heard = new Inbox<>();
    private GrpcWorkerAgentRuntime observer;

    @BeforeEach
    void startHostAndWorkers() {
        host = GrpcWorkerAgentRuntimeHost.builder().build();
        host.start();
        for (String name : List.of("w1", "w2")) {
            GrpcWorkerAgentRuntime worker = worker(GrpcWorkerAgentRuntime.builder(host.address()));
            TestAgents.registerWorkerAgents(worker, name);
            worker.start();
        }
        observer = worker(GrpcWorkerAgentRuntime.builder(host.address()).listenerFactory(first -> new RuntimeListener() {
            @Override
            public void messagePublishStart(Object message, TopicId topic, AgentId sender, Map<String, String> metadata) {
                metadata.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }
        }));
        TestAgents.addSerializers(observer);
        observer.start();
        TestAgents.registerObserver(observer, heard);
    }

    private GrpcWorkerAgentRuntime worker(GrpcWorkerAgentRuntime.Builder builder) {
        GrpcWorkerAgentRuntime worker = builder.build();
        workers.add(worker);
        return worker;
    }

    @AfterEach
    void stopAll() {
        workers.forEach(GrpcWorkerAgentRuntime::close);
        host.close();
    }

    @Test
    void rpcReachesAnAgentOnAnotherWorkerAndRepliesComeBack() {
        assertThat(observer.sendMessage(new Ping(41), AgentId.of("echo-w1"), Pong.class)).isEqualTo(new Pong(42));
        // an agent on w1 calls an agent on w2 from its handler
        assertThat(observer.sendMessage(new Relay("echo-w2", 6), AgentId.of("relay-w1"))).isEqualTo(new Pong(7));
    }

    @Test
    void theRecipientsExceptionReachesTheCallerNamingTheAgent() {
        assertThatThrownBy(() -> observer.sendMessage(new Ping(-1), AgentId.of("echo-w2")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessage("request to agent echo-w2/default failed: negative n: -1");
    }

    @Test
    void aTypeNobodyServesFailsAtOnceWithAClearError() {
        assertThatThrownBy(() -> observer.sendMessage(new Ping(1), new AgentId("nobody", "k")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessageContaining("agent nobody/k")
                .hasMessageContaining("no worker connected to this host serves agent type 'nobody'");
    }

    @Test
    void publishReachesTheSubscribersOnEveryWorkerWithItsMetadata() throws InterruptedException {
        observer.publishMessage(new Note("hello"), new TopicId("notes", "default"));
        List<Heard> got = heard.take(2);
        assertThat(got).extracting(Heard::worker).containsExactlyInAnyOrder("w1", "w2");
        assertThat(got).allSatisfy(h -> {
            assertThat(h.text()).isEqualTo("hello");
            assertThat(h.topicType()).isEqualTo("notes");
            assertThat(h.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        });
    }

    @Test
    void typePrefixSubscriptionsMatchAcrossWorkers() throws InterruptedException {
        observer.publishMessage(new Note("fire"), new TopicId("alerts.fire", "room-1"));
        assertThat(heard.take(2)).extracting(Heard::worker, Heard::topicType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("w1", "alerts.fire"),
                        org.assertj.core.groups.Tuple.tuple("w2", "alerts.fire"));
        // the "<type>:" prefix subscription ClosureAgent adds lets a message be published to one agent type
        observer.publishMessage(new Note("direct"), new TopicId("listener-w2:", "default"));
        assertThat(heard.take(1)).extracting(Heard::worker).containsExactly("w2");
    }

    @Test
    void stateOfAnAgentOnAnotherWorkerIsSavedAndLoaded() {
        AgentId counter = AgentId.of("counter-w1");
        observer.sendMessage(new Increment(3), counter);
        assertThat(observer.agentSaveState(counter)).isEqualTo(Map.of("count", 3));
        observer.agentLoadState(counter, Map.of("count", 10));
        assertThat(observer.sendMessage(new Increment(1), counter)).isEqualTo(new Count(11));
        assertThatThrownBy(() -> observer.agentSaveState(AgentId.of("nobody")))
                .isInstanceOf(RemoteAgentException.class)
                .hasMessageContaining("agent nobody/default");
        assertThatThrownBy(() -> observer.agentMetadata(counter)).isInstanceOf(NotAccessibleException.class)
                .hasMessageContaining("counter-w1/default");
    }

    @Test
    void cancellingAPendingRpcCompletesItAtOnce() {
        CancellationToken token = new CancellationToken();
        CompletableFuture<Object> reply = observer.sendMessageAsync(new Ping(1), AgentId.of("sleeper-w1"), null, token, null);
        token.cancel();
        assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aWorkerThatLeavesFailsTheRpcsWaitingForItsAgents() throws Exception {
        CompletableFuture<Object> reply = observer.sendMessageAsync(new Ping(1), AgentId.of("sleeper-w2"));
        assertThat(heard.take(1)).containsExactly(new Heard("w2", "asleep", "", ""));
        workers.get(1).stop();
        assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemoteAgentException.class)
                .hasMessageContaining("agent sleeper-w2/default")
                .hasMessageContaining("worker disconnected before replying");
        assertThatThrownBy(() -> observer.sendMessage(new Ping(1), AgentId.of("echo-w2")))
                .hasMessageContaining("no worker connected to this host serves agent type 'echo-w2'");
    }

    @Test
    void aTypeIsServedByOneWorker() {
        GrpcWorkerAgentRuntime other = worker(GrpcWorkerAgentRuntime.builder(host.address()));
        other.start();
        assertThatThrownBy(() -> TestAgents.registerWorkerAgents(other, "w1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("echo-w1 already registered");
    }

    @Test
    void anOversizedMessageIsRefusedWithAClearErrorAndTheStreamLives() {
        String big = "x".repeat(5 * 1024 * 1024);
        assertThatThrownBy(() -> observer.sendMessage(new Note(big), AgentId.of("listener-w1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Note is 5242891 bytes serialized, more than the 4177920 bytes a message may carry");
        assertThatThrownBy(() -> observer.publishMessage(new Note(big), new TopicId("notes", "default")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Note is 5242891 bytes serialized");
        assertThat(observer.sendMessage(new Ping(1), AgentId.of("echo-w1"))).isEqualTo(new Pong(2));
    }

    @Test
    void anUnreachableHostIsNamed() {
        GrpcWorkerAgentRuntime lost = worker(GrpcWorkerAgentRuntime.builder("127.0.0.1:1"));
        assertThatThrownBy(lost::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:1");
    }

}
