package dev.autogen.benchmarks;

import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first run in a fresh JVM (issue 23; Python runs one per process): the 1,000-message
 * RoundRobin team of {@link TeamThroughput}, built and run once per fork with nothing warmed up;
 * the score is the milliseconds of that run, so messages per second are 1,000,000 / score. The
 * baseline makes the same model calls in a bare loop, also as the first thing its JVM does.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class FirstTeamRun {
    /** Builds the team and runs it once. */
    @Benchmark
    public TaskResult roundRobin() {
        RoundRobinGroupChat team = TeamThroughput.writerAndCritic(TeamThroughput.writerModel(),
                TeamThroughput.criticModel());
        try {
            return team.run("Write a poem.");
        } finally {
            team.close();
        }
    }

    /** The same model calls in a bare loop. */
    @Benchmark
    public int bareModelCalls() {
        return TeamThroughput.bareModelCalls(TeamThroughput.writerModel());
    }
}
