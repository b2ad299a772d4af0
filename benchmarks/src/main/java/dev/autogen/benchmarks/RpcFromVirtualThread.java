package dev.autogen.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link RpcRoundTrip} with JMH calling from a virtual thread ({@code jmh.executor=VIRTUAL}), as a
 * server request handler or another virtual-thread task would. Its {@code baselineSynchronousQueue}
 * is the headline baseline: two virtual threads exchanging through queues.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Djmh.executor=VIRTUAL"})
public class RpcFromVirtualThread extends RpcRoundTrip {
}
