package dev.autogen.benchmarks;

import dev.autogen.core.AgentId;
import dev.autogen.core.ClosureAgent;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * The distributed runtime across processes on loopback: RPC round trips per second from this JVM's
 * worker to the echo agent of a worker in another process, through a host in a third
 * ({@link GrpcPeers}), and publish deliveries per second through the host, next to the baseline of a
 * bare grpc-java unary call (bytes in, bytes out) to a plain server in another process, in the same
 * run. An RPC through the host is four network hops (caller, host, worker, host, caller) and two
 * JSON encodings each way; the baseline is two hops.
 *
 * <p>{@code *Pipelined} keeps {@value #BURST} calls in flight and counts each; {@code *Blocking}
 * makes one call at a time (latency-bound).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class GrpcRpc {
    static final int BURST = 1_000;
    private static final byte[] PING = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);

    private final AgentId echo = AgentId.of(Agents.ECHO);
    private final TopicId ticks = new TopicId("ticks", "default");
    private final Semaphore delivered = new Semaphore(0);
    private final Semaphore remoteBursts = new Semaphore(0);
    private GrpcPeers.@Nullable Peer host;
    private GrpcPeers.@Nullable Peer worker;
    private GrpcPeers.@Nullable Peer bare;
    private @Nullable GrpcWorkerAgentRuntime caller;
    private @Nullable ManagedChannel bareChannel;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        host = GrpcPeers.start("host");
        worker = GrpcPeers.start("worker", host.address());
        bare = GrpcPeers.start("bare");
        GrpcWorkerAgentRuntime rt = GrpcWorkerAgentRuntime.builder(host.address()).build();
        rt.addMessageSerializer(JsonMessageSerializer.of(Messages.Ping.class), JsonMessageSerializer.of(Messages.Pong.class),
                JsonMessageSerializer.of(Messages.Tick.class), JsonMessageSerializer.of(Messages.Burst.class));
        rt.start();
        ClosureAgent.builder("sink", Messages.Tick.class, (ctx, tick, mctx) -> {
            delivered.release();
            return null;
        }).subscriptions(() -> List.of(new TypeSubscription("ticks", "sink"))).register(rt);
        ClosureAgent.builder("bursts", Messages.Burst.class, (ctx, burst, mctx) -> {
            remoteBursts.release();
            return null;
        }).subscriptions(() -> List.of(new TypeSubscription(GrpcPeers.BURSTS.type(), "bursts"))).register(rt);
        rt.sendMessage(new Messages.Ping(0), echo);
        caller = rt;
        bareChannel = NettyChannelBuilder.forTarget(bare.address()).usePlaintext().build();
        bareUnaryBlocking();
        for (int i = 0; i < BURST; i++) {
            rt.publishMessage(new Messages.Tick(i), GrpcPeers.REMOTE_TICKS);
        }
        if (!remoteBursts.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the peer worker's sink did not report the first burst of ticks");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (caller != null) {
            caller.close();
        }
        if (bareChannel != null) {
            bareChannel.shutdownNow();
        }
        for (GrpcPeers.Peer peer : new GrpcPeers.Peer[] {worker, bare, host}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    /** {@code sendMessage} to the echo agent in the other worker process, one at a time. */
    @Benchmark
    public @Nullable Object rpcThroughHostBlocking() {
        return caller.sendMessage(new Messages.Ping(seq++), echo);
    }

    /** {@value #BURST} {@code sendMessageAsync} calls in flight, then wait for every reply. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public Object rpcThroughHostPipelined() {
        CompletableFuture<?>[] replies = new CompletableFuture<?>[BURST];
        for (int i = 0; i < BURST; i++) {
            replies[i] = caller.sendMessageAsync(new Messages.Ping(seq++), echo);
        }
        return CompletableFuture.allOf(replies).join();
    }

    /** Baseline: one bare grpc-java unary call at a time. */
    @Benchmark
    public byte[] bareUnaryBlocking() {
        return ClientCalls.blockingUnaryCall(bareChannel, GrpcPeers.ECHO, CallOptions.DEFAULT, PING);
    }

    /** Baseline: {@value #BURST} bare unary calls in flight, then wait for every reply. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public Object bareUnaryPipelined() {
        CompletableFuture<?>[] replies = new CompletableFuture<?>[BURST];
        for (int i = 0; i < BURST; i++) {
            CompletableFuture<byte[]> reply = new CompletableFuture<>();
            var call = ClientCalls.futureUnaryCall(bareChannel.newCall(GrpcPeers.ECHO, CallOptions.DEFAULT), PING);
            call.addListener(() -> {
                try {
                    reply.complete(call.get());
                } catch (Exception e) {
                    reply.completeExceptionally(e);
                }
            }, Runnable::run);
            replies[i] = reply;
        }
        return CompletableFuture.allOf(replies).join();
    }

    /**
     * {@value #BURST} messages published to a topic whose only subscriber is an agent of this JVM's own
     * worker, which delivers them at once (the host's copy is dropped); waits until every one is handled.
     */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public void publishToOwnWorker() throws InterruptedException {
        for (int i = 0; i < BURST; i++) {
            caller.publishMessage(new Messages.Tick(seq++), ticks);
        }
        delivered.acquire(BURST);
    }

    /**
     * {@value #BURST} messages published to a topic whose subscriber is an agent of the worker in the
     * other process: each goes through the host to that worker; waits until that agent reports having
     * handled all of them (one more message back through the host per burst).
     */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public void publishThroughHost() throws InterruptedException {
        for (int i = 0; i < BURST; i++) {
            caller.publishMessage(new Messages.Tick(seq++), GrpcPeers.REMOTE_TICKS);
        }
        remoteBursts.acquire();
    }
}
