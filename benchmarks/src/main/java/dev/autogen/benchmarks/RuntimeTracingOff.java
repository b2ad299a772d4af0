package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Ping;
import dev.autogen.core.AgentId;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.runtime.InProcessAgentRuntime;
import dev.autogen.ext.opentelemetry.OpenTelemetryTracing;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-message cost of the OpenTelemetry module when tracing is off, with less noise than a team
 * run ({@link TeamTracing}): a blocking RPC from a platform thread to an idle agent, which runs the
 * handler on the caller's thread (no thread hand-off), on a runtime without a listener factory
 * ({@code none}) and with {@link OpenTelemetryTracing} over a no-op {@link OpenTelemetry} ({@code off}).
 * Each message asks the factory for its run's listener, so this is where the module's cost shows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 2)
@State(Scope.Thread)
public class RuntimeTracingOff {
    @Param({"none", "off"})
    public String tracing;

    private final AgentId echo = AgentId.of(Agents.ECHO);
    private InProcessAgentRuntime runtime;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        RuntimeListener.Factory factory = tracing.equals("off")
                ? OpenTelemetryTracing.builder(OpenTelemetry.noop()).build() : RuntimeListener.Factory.NONE;
        runtime = InProcessAgentRuntime.builder().listenerFactory(factory).build();
        BaseAgent.register(runtime, Agents.ECHO, Agents.Echo.class, Agents.Echo::new);
        runtime.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    @Benchmark
    public Object rpc() {
        return runtime.sendMessage(new Ping(seq++), echo);
    }
}
