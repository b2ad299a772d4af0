package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Burst;
import dev.autogen.benchmarks.Messages.Ping;
import dev.autogen.core.AgentId;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.runtime.InProcessAgentRuntime;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RPC round trips per second, next to the bare-JDK baseline of the same exchange between plain
 * threads. One operation is one round trip: request delivered, handled, reply received by the
 * caller. Subclasses choose the kind of thread JMH calls from ({@link RpcFromPlatformThread},
 * {@link RpcFromVirtualThread}): a blocking send from a platform thread to an idle agent runs the
 * handler on the caller's thread, one from a virtual thread goes through the agent's mailbox.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public abstract class RpcRoundTrip {
    static final int BURST = 1_000;

    private final AgentId echo = AgentId.of(Agents.ECHO);
    private final AgentId driver = AgentId.of(Agents.DRIVER);
    private @Nullable InProcessAgentRuntime runtime;
    private @Nullable QueueExchange synchronousQueue;
    private @Nullable QueueExchange arrayBlockingQueue;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        synchronousQueue = new QueueExchange(new SynchronousQueue<>(), new SynchronousQueue<>());
        arrayBlockingQueue = new QueueExchange(new ArrayBlockingQueue<>(1), new ArrayBlockingQueue<>(1));
        InProcessAgentRuntime rt = new InProcessAgentRuntime();
        BaseAgent.register(rt, Agents.ECHO, Agents.Echo.class, Agents.Echo::new);
        BaseAgent.register(rt, Agents.DRIVER, Agents.Driver.class, Agents.Driver::new);
        rt.start();
        rt.sendMessage(new Burst(1), driver);
        runtime = rt;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
        if (synchronousQueue != null) {
            synchronousQueue.close();
        }
        if (arrayBlockingQueue != null) {
            arrayBlockingQueue.close();
        }
    }

    /** Baseline: the caller and a server virtual thread hand messages over through two {@link SynchronousQueue}s. */
    @Benchmark
    public Object baselineSynchronousQueue() {
        return synchronousQueue.call(new Ping(seq++));
    }

    /** Baseline: as above through two {@code ArrayBlockingQueue(1)}s (lock and condition, no spinning). */
    @Benchmark
    public Object baselineArrayBlockingQueue() {
        return arrayBlockingQueue.call(new Ping(seq++));
    }

    /** {@code runtime.sendMessage} from outside any agent to an agent that replies. */
    @Benchmark
    public @Nullable Object sendMessage() {
        return runtime.sendMessage(new Ping(seq++), echo);
    }

    /** Sends {@code burst} to the driver agent, which makes that many round trips to the echo agent. */
    final @Nullable Object burst(Burst burst) {
        return runtime.sendMessage(burst, driver);
    }
}
