package dev.autogen.benchmarks;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.InMemoryCheckpointStore;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of durable runs: one run of a two-agent RoundRobin team (four turns on scripted replies,
 * then a reset) without a checkpoint store ({@code none}), with checkpoints kept in memory
 * ({@code memory}: the cost of taking each turn's state) and in a SQLite file ({@code sqlite}: plus one
 * transaction per turn). Each run writes five checkpoints (the task and four turns). Each JMH thread
 * runs a team of its own and all share the store, so {@code -t 8} measures eight teams writing to one
 * store at once.
 */
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class DurableTeam {
    /** Replies per model: a run asks each agent twice; the scripts start over after every run. */
    private static final int REPLIES = 2;

    /** The store every team writes to. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param({"none", "memory", "sqlite"})
        public String store;

        private Path dir;
        private volatile CheckpointStore checkpoints;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("autogen-bench-checkpoints");
            checkpoints = switch (store) {
                case "memory" -> new InMemoryCheckpointStore();
                case "sqlite" -> JdbcCheckpointStore.open(dir.resolve("runs.db").toString());
                default -> null;
            };
        }

        /**
         * The in-memory store keeps every checkpoint it is given: a fresh one per iteration keeps an
         * iteration's thousands of runs from filling the heap (which once stalled the benchmark).
         */
        @Setup(Level.Iteration)
        public void freshMemoryStore() {
            if (checkpoints instanceof InMemoryCheckpointStore) {
                checkpoints = new InMemoryCheckpointStore();
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            if (checkpoints != null) {
                checkpoints.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One JMH thread's team. */
    @State(Scope.Thread)
    public static class Team {
        private RoundRobinGroupChat team;
        private List<ReplayChatCompletionClient> models;

        @Setup(Level.Trial)
        public void build() {
            models = List.of(new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "A line of verse.")),
                    new ReplayChatCompletionClient(Collections.nCopies(REPLIES, "Keep going.")));
            var writer = AssistantAgent.builder("writer", models.get(0)).build();
            var critic = AssistantAgent.builder("critic", models.get(1)).build();
            team = RoundRobinGroupChat.builder(List.of(writer, critic)).maxTurns(4).build();
        }

        /** Runs after the store's iteration setup, so the team writes to this iteration's store. */
        @Setup(Level.Iteration)
        public void useStore(Store store) {
            team.checkpointStore(store.checkpoints);
        }

        @TearDown(Level.Trial)
        public void close() {
            team.close();
        }
    }

    @Benchmark
    public TaskResult teamRun(Team state) {
        TaskResult result = state.team.run("Write a poem.");
        state.team.reset();
        state.models.forEach(ReplayChatCompletionClient::reset);
        return result;
    }
}
