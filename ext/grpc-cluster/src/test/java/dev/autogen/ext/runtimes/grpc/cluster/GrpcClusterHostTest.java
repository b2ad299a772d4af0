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
import java.util.List;
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
