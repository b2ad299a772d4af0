package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import dev.autogen.ext.opentelemetry.OpenTelemetryTracing;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the OpenTelemetry module when tracing is off: one run of a two-agent RoundRobin team
 * (four turns on scripted replies, then a reset) on a runtime without any listener factory
 * ({@code none}), against the same run with {@link OpenTelemetryTracing} installed over a no-op
 * {@link OpenTelemetry} ({@code off}), which is what an application gets when it adds the module and
 * configures no SDK.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TeamTracing {
    /** Enough scripted replies for every run a short benchmark makes; one shared string, so little memory. */
    private static final int REPLIES = 2_000_000;

    @Param({"none", "off"})
    public String tracing;

    private SingleThreadedAgentRuntime runtime;
    private RoundRobinGroupChat team;

    @Setup(Level.Trial)
    public void setUp() {
        RuntimeListener.Factory factory = tracing.equals("off")
                ? OpenTelemetryTracing.builder(OpenTelemetry.noop()).build() : RuntimeListener.Factory.NONE;
        runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(factory));
        runtime.start();
        var writer = AssistantAgent.builder("writer",
                new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse."))).build();
        var critic = AssistantAgent.builder("critic",
                new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "Keep going."))).build();
        team = RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(4).runtime(runtime).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    @Benchmark
    public TaskResult teamRun() {
        TaskResult result = team.run("Write a poem.");
        team.reset();
        return result;
    }
}
