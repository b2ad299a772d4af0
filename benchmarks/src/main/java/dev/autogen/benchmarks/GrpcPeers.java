package dev.autogen.benchmarks;

import dev.autogen.core.ClosureAgent;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes {@link GrpcRpc} talks to, each in a JVM of its own: {@code host} (a
 * {@link GrpcWorkerAgentRuntimeHost}), {@code worker ADDRESS} (a worker with the echo agent) and
 * {@code bare} (a plain grpc-java server with one unary echo method on bytes, the baseline). Each
 * prints {@code READY <address>} and runs until killed.
 */
public final class GrpcPeers {
    /** The baseline's one method: bytes in, the same bytes out. */
    /** The agent type of the peer worker's subscriber to {@link #REMOTE_TICKS}. */
    static final String REMOTE_SINK = "remote-sink";
    /** Ticks published here are handled by the peer worker's {@link #REMOTE_SINK}. */
    static final TopicId REMOTE_TICKS = new TopicId("remote-ticks", "default");
    /** Where the peer worker's sink reports each {@link GrpcRpc#BURST} ticks it handled. */
    static final TopicId BURSTS = new TopicId("bursts", "default");

    static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("bench.Echo/Echo")
            .setRequestMarshaller(Bytes.INSTANCE)
            .setResponseMarshaller(Bytes.INSTANCE)
            .build();

    private GrpcPeers() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "host" -> {
                GrpcWorkerAgentRuntimeHost host = GrpcWorkerAgentRuntimeHost.builder().build();
                host.start();
                ready(host.address());
                host.awaitTermination();
            }
            case "worker" -> {
                GrpcWorkerAgentRuntime worker = GrpcWorkerAgentRuntime.builder(args[1]).build();
                worker.addMessageSerializer(JsonMessageSerializer.of(Messages.Ping.class),
                        JsonMessageSerializer.of(Messages.Pong.class), JsonMessageSerializer.of(Messages.Tick.class),
                        JsonMessageSerializer.of(Messages.Burst.class));
                ClosureAgent.builder(Agents.ECHO, Messages.Ping.class, (ctx, ping, mctx) -> new Messages.Pong(ping.seq()))
                        .register(worker);
                int[] ticks = {0};
                ClosureAgent.builder(REMOTE_SINK, Messages.Tick.class, (ctx, tick, mctx) -> {
                    if (++ticks[0] % GrpcRpc.BURST == 0) {
                        ctx.publishMessage(new Messages.Burst(GrpcRpc.BURST), BURSTS, null);
                    }
                    return null;
                }).subscriptions(() -> List.of(new TypeSubscription(REMOTE_TICKS.type(), REMOTE_SINK))).register(worker);
                worker.start();
                ready(args[1]);
                Thread.sleep(Long.MAX_VALUE);
            }
            case "bare" -> {
                Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .addService(ServerServiceDefinition.builder("bench.Echo")
                                .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
                                    response.onNext(request);
                                    response.onCompleted();
                                }))
                                .build())
                        .build()
                        .start();
                ready("127.0.0.1:" + server.getPort());
                server.awaitTermination();
            }
            default -> throw new IllegalArgumentException("usage: GrpcPeers host | worker ADDRESS | bare");
        }
    }

    private static void ready(String address) {
        System.out.println("READY " + address);
        System.out.flush();
    }

    /** Extra JVM options for the peer processes (space-separated), e.g. to record a flight recording. */
    static final String PEER_JVM_ARGS = "AUTOGEN_PEER_JVM_ARGS";

    /** Starts {@code GrpcPeers args} in a new JVM on this one's class path and returns it with its address. */
    static Peer start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvmArgs = System.getenv(PEER_JVM_ARGS);
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            // e.g. -XX:StartFlightRecording=filename=peer-%p.jfr to profile the host and the worker too
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GrpcPeers.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return new Peer(process, line.substring("READY ".length()));
            }
        }
        throw new IllegalStateException("GrpcPeers " + String.join(" ", args) + " exited before it was ready");
    }

    /** A started peer process. */
    record Peer(Process process, String address) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
