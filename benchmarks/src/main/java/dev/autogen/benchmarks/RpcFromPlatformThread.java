package dev.autogen.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link RpcRoundTrip} with JMH calling from its usual platform thread, as a {@code main} method would. */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RpcFromPlatformThread extends RpcRoundTrip {
}
