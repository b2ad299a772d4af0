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
 * (100 turns on scripted replies, then a reset; the models start their scripts over) on a runtime without any listener factory
 * ({@code none}), against the same run with {@link OpenTelemetryTracing} installed over a no-op
 * {@link OpenTelemetry} ({@code off}), which is what an application gets when it adds the module and
 * configures no SDK.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TeamTracing {
    /** Turns per run: enough that one operation is long compared with its scheduling noise. */
    static final int TURNS = 100;
    /** Replies per model: a run asks each agent TURNS / 2 times, then the scripts start over. */
    private static final int REPLIES = TURNS;

    @Param({"none", "off"})
    public String tracing;

    private SingleThreadedAgentRuntime runtime;
    private RoundRobinGroupChat team;
    private List<ReplayChatCompletionClient> models;

    @Setup(Level.Trial)
    public void setUp() {
        RuntimeListener.Factory factory = tracing.equals("off")
                ? OpenTelemetryTracing.builder(OpenTelemetry.noop()).build() : RuntimeListener.Factory.NONE;
        runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder().listenerFactory(factory));
        runtime.start();
        models = List.of(new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse.")),
                new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "Keep going.")));
        var writer = AssistantAgent.builder("writer", models.get(0)).build();
        var critic = AssistantAgent.builder("critic", models.get(1)).build();
        team = RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(TURNS).runtime(runtime).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    @Benchmark
    public TaskResult teamRun() {
        TaskResult result = team.run("Write a poem.");
        team.reset();
        models.forEach(ReplayChatCompletionClient::reset);
        return result;
    }
}
