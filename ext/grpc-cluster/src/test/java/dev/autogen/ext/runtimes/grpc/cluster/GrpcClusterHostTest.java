package dev.autogen.ext.runtimes.grpc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Ping;
import dev.autogen.ext.runtimes.grpc.cluster.ClusterTestAgents.Pong;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.ext.runtimes.grpc.RemoteAgentException;
import dev.autogen.ext.runtimes.grpc.internal.ClientIds;
import dev.autogen.ext.runtimes.grpc.internal.proto.AgentRpcGrpc;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One node in this JVM: its configuration errors, and that a single node is a working host. */
@Timeout(120)
class GrpcClusterHostTest {
    @Test
    void aBadSeedNodeIsNamed() {
        assertThatThrownBy(() -> GrpcClusterHost.builder().seedNodes(List.of("127.0.0.1:2552", "nohost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed node 'nohost' is not HOST:PORT with a port from 1 to 65535 (the cluster port of a"
                        + " host node, e.g. 127.0.0.1:2552)");
        assertThatThrownBy(() -> GrpcClusterHost.builder().seedNodes(List.of("10.0.0.1:99999")))
                .hasMessageContaining("seed node '10.0.0.1:99999' is not HOST:PORT");
    }

    @Test
    void aClusterPortInUseIsNamedWithoutJavaClassNames() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GrpcClusterHost node = GrpcClusterHost.builder().clusterPort(taken.getLocalPort()).build();
            assertThatThrownBy(node::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the host node cannot listen on its cluster port 127.0.0.1:"
                            + taken.getLocalPort() + ": it is in use")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "pekko."));
        }
    }

    @Test
    void aSeedNodeThatDoesNotAnswerIsNamedAfterTheJoinTimeout() throws Exception {
        int silent;
        try (ServerSocket probe = new ServerSocket(0)) {
            silent = probe.getLocalPort();
        }
        GrpcClusterHost node = GrpcClusterHost.builder().clusterPort(0)
                .seedNodes(List.of("127.0.0.1:" + silent)).joinTimeout(Duration.ofSeconds(3)).build();
        assertThatThrownBy(node::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not join the cluster within 3 s: no seed node of [127.0.0.1:" + silent
                        + "] answered");
    }

    record Blob(String data) {
    }

    @Test
    void callsToAWorkerThatDoesNotKeepUpFailOnceItsQueueOnTheNodeIsFull() throws Exception {
        try (GrpcClusterHost node = GrpcClusterHost.builder().clusterPort(0).maxQueuedBytesPerWorker(256 * 1024).build()) {
            node.start();
            ManagedChannel channel = NettyChannelBuilder.forTarget(node.address()).usePlaintext().build();
            try (var caller = GrpcWorkerAgentRuntime.builder(node.address()).build()) {
                Metadata headers = new Metadata();
                headers.put(ClientIds.HEADER, "slow-worker");
                var attach = MetadataUtils.newAttachHeadersInterceptor(headers);
                // a stalled worker: opens its stream but never asks for a message
                AgentRpcGrpc.newStub(channel).withInterceptors(attach).openChannel(new ClientResponseObserver<Message, Message>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<Message> requestStream) {
                        requestStream.disableAutoRequestWithInitial(0);
                    }

                    @Override
                    public void onNext(Message value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
                AgentRpcGrpc.newBlockingStub(channel).withInterceptors(attach)
                        .registerAgent(RegisterAgentTypeRequest.newBuilder().setType("slow").build());
                caller.addMessageSerializer(JsonMessageSerializer.of(Blob.class));
                caller.start();
                String data = "x".repeat(64 * 1024);
                List<CompletableFuture<Object>> calls = new ArrayList<>();
                Throwable refused = null;
                for (int i = 0; i < 400 && refused == null; i++) {
                    calls.add(caller.sendMessageAsync(new Blob(data), new AgentId("slow", "k" + i)));
                    if (i % 25 == 24) {
                        Thread.sleep(100);
                    }
                    refused = calls.stream().filter(CompletableFuture::isCompletedExceptionally)
                            .map(c -> c.handle((r, e) -> e).join()).findFirst().orElse(null);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (refused == null && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    refused = calls.stream().filter(CompletableFuture::isCompletedExceptionally)
                            .map(c -> c.handle((r, e) -> e).join()).findFirst().orElse(null);
                }
                assertThat(refused).as("a call refused because the worker does not keep up").isNotNull();
                assertThat(refused).isInstanceOf(RemoteAgentException.class)
                        .hasMessageContaining("its worker slow-worker is not keeping up");
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void aSingleNodeIsAWorkingHost() {
        try (GrpcClusterHost node = GrpcClusterHost.builder().clusterPort(0).build()) {
            node.start();
            assertThat(node.members()).containsExactly(node.clusterAddress());
            try (var serving = GrpcWorkerAgentRuntime.builder(node.address()).build();
                    var asking = GrpcWorkerAgentRuntime.builder(node.address()).build()) {
                ClusterTestAgents.registerWorkerAgents(serving, "solo");
                ClusterTestAgents.addSerializers(asking);
                serving.start();
                asking.start();
                assertThat(asking.sendMessage(new Ping(1), AgentId.of("echo-solo"))).isEqualTo(new Pong(2));
                assertThat(node.connectedWorkers()).isEqualTo(2);
            }
        }
    }
}
