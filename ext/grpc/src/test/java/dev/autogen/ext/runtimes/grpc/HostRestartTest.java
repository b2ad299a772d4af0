package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.ext.runtimes.grpc.TestAgents.Ping;
import dev.autogen.ext.runtimes.grpc.TestAgents.Pong;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A host process killed and started again on its port: the workers reconnect and register again. */
@Timeout(180)
class HostRestartTest {

    @Test
    void workersRejoinARestartedHost() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        JavaProcess host = JavaProcess.start("restart-host-1", HostMain.class, Integer.toString(port));
        try (JavaProcess worker = JavaProcess.start("restart-worker", WorkerMain.class, address, "w5");
                GrpcWorkerAgentRuntime caller = GrpcWorkerAgentRuntime.builder(address)
                        .reconnectBackoff(Duration.ofMillis(500)).build()) {
            host.awaitLine("HOST-READY");
            worker.awaitLine("WORKER-READY");
            TestAgents.addSerializers(caller);
            caller.start();
            assertThat(caller.sendMessage(new Ping(1), AgentId.of("echo-w5"))).isEqualTo(new Pong(2));

            CompletableFuture<Object> waiting = caller.sendMessageAsync(new Ping(1), AgentId.of("sleeper-w5"));
            host.kill();
            assertThatThrownBy(() -> waiting.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RemoteAgentException.class)
                    .hasMessageContaining("request to agent sleeper-w5/default failed")
                    .hasMessageContaining(address);

            host = JavaProcess.start("restart-host-2", HostMain.class, Integer.toString(port));
            host.awaitLine("HOST-READY");
            assertThat(eventually(() -> caller.sendMessage(new Ping(41), AgentId.of("echo-w5")))).isEqualTo(new Pong(42));
        } finally {
            host.close();
        }
    }

    /** The first result of {@code call} that does not throw, trying again while the workers reconnect. */
    private static Object eventually(java.util.concurrent.Callable<Object> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("still failing after 90 s", e);
                }
                Thread.sleep(200);
            }
        }
    }
}
