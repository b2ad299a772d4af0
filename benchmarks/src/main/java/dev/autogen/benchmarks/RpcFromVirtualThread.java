package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Burst;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * {@link RpcRoundTrip} with JMH calling from a virtual thread ({@code jmh.executor=VIRTUAL}), as a
 * server request handler or another virtual-thread task would. Its {@code baselineSynchronousQueue}
 * is the headline baseline: two virtual threads exchanging through queues.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Djmh.executor=VIRTUAL"})
public class RpcFromVirtualThread extends RpcRoundTrip {

    /**
     * Agent to agent: one call makes an agent's handler send {@value RpcRoundTrip#BURST} messages
     * to another agent one after another, each waiting for its reply; the score counts those inner
     * round trips. Only here, because a call from a platform thread may run the driver's handler on
     * that platform thread, which is not how agents talk to each other.
     */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public @Nullable Object agentToAgent() {
        return burst(new Burst(BURST));
    }
}
