package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.ToolSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * Many teams at once (issue 23): 10,000 (in a 1 GiB heap) and 100,000 (in 2 GiB) two-agent
 * RoundRobin teams, each running 10 turns on a model that answers after 50 ms, all started together
 * on virtual threads; the score is the wall time until every run has ended. The ideal is 0.5 s (ten
 * model calls in a row per team); the baselines are the same number of virtual threads each sleeping
 * ten times 50 ms, without a team. The teams are built once per fork and reset after every iteration,
 * so an iteration measures runs, not construction.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ConcurrentTeams {
    static final int TURNS = 10;
    static final Duration MODEL_DELAY = Duration.ofMillis(50);

    /** Teams of one size, built once. */
    abstract static class Teams {
        List<RoundRobinGroupChat> teams;

        void build(int count) {
            teams = build(count, MODEL_DELAY);
        }

        /** {@code count} two-agent teams of {@link #TURNS} turns on models answering after {@code delay}. */
        static List<RoundRobinGroupChat> build(int count, Duration delay) {
            return build(count, delay, null);
        }

        /** The same, all on {@code runtime} when given (else each team on a runtime of its own, the default). */
        static List<RoundRobinGroupChat> build(int count, Duration delay, @Nullable AgentRuntime runtime) {
            List<RoundRobinGroupChat> teams = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                teams.add(RoundRobinGroupChat.builder(List.of(
                        AssistantAgent.builder("writer", delayedModel("A line of verse.", delay)).build(),
                        AssistantAgent.builder("critic", delayedModel("Keep going.", delay)).build()))
                        .maxTurns(TURNS).runtime(runtime).build());
            }
            return teams;
        }

        @Setup(Level.Iteration)
        public void resetAll() {
            if (teams != null) {
                teams.forEach(RoundRobinGroupChat::reset);
            }
        }
    }

    /** 10,000 teams. */
    @State(Scope.Benchmark)
    public static class TenThousand extends Teams {
        @Setup(Level.Trial)
        public void setUp() {
            build(10_000);
        }
    }

    /** 100,000 teams. */
    @State(Scope.Benchmark)
    public static class HundredThousand extends Teams {
        @Setup(Level.Trial)
        public void setUp() {
            build(100_000);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    public long teams10k(TenThousand state) throws Exception {
        return runAll(state.teams);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
    public long teams100k(HundredThousand state) throws Exception {
        return runAll(state.teams);
    }

    /** The baseline of {@link #teams10k}: 10,000 virtual threads each sleeping ten times 50 ms. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    public long sleeps10k() throws Exception {
        return sleepAll(10_000);
    }

    /** The baseline of {@link #teams100k}. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
    public long sleeps100k() throws Exception {
        return sleepAll(100_000);
    }

    static long runAll(List<RoundRobinGroupChat> teams) throws InterruptedException, ExecutionException {
        List<Future<TaskResult>> runs = new ArrayList<>(teams.size());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RoundRobinGroupChat team : teams) {
                runs.add(executor.submit(() -> team.run("Write a poem.")));
            }
        }
        long messages = 0;
        for (Future<TaskResult> run : runs) {
            messages += run.get().messages().size();
        }
        if (messages != (long) teams.size() * (TURNS + 1)) {
            throw new IllegalStateException("expected " + teams.size() * (TURNS + 1) + " messages, got " + messages);
        }
        return messages;
    }

    static long sleepAll(int threads) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                executor.submit(() -> {
                    for (int turn = 0; turn < TURNS; turn++) {
                        Thread.sleep(MODEL_DELAY);
                    }
                    return null;
                });
            }
        }
        return threads;
    }

    /**
     * A model that answers {@code reply} after {@link #MODEL_DELAY}, as a remote model would, and keeps
     * nothing per call (a {@code ReplayChatCompletionClient} records its requests, which would be
     * counted as the team's memory here).
     */
    static ChatCompletionClient slowModel(String reply) {
        return delayedModel(reply, MODEL_DELAY);
    }

    /** A model that answers {@code reply} after {@code delay} (none when zero). */
    static ChatCompletionClient delayedModel(String reply, Duration delay) {
        return new DelayedModel(delay, new CreateResult(FinishReason.STOP, ModelContent.text(reply), new RequestUsage(10, 3),
                false, null, null));
    }

    private record DelayedModel(Duration delay, CreateResult answer) implements ChatCompletionClient {
        @Override
        public CreateResult create(CreateRequest request) {
            if (delay.isZero()) {
                return answer;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            return answer;
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request) {
            throw new UnsupportedOperationException("the benchmark does not stream");
        }

        @Override
        public RequestUsage actualUsage() {
            return answer.usage();
        }

        @Override
        public RequestUsage totalUsage() {
            return RequestUsage.ZERO;
        }

        @Override
        public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return messages.size();
        }

        @Override
        public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
            return 100_000 - messages.size();
        }

        @Override
        public ModelInfo modelInfo() {
            return ModelInfo.unknown();
        }

        @Override
        public ComponentModel dumpComponent() {
            throw new UnsupportedOperationException("the benchmark's model has no config");
        }

        @Override
        public void close() {
        }
    }
}
