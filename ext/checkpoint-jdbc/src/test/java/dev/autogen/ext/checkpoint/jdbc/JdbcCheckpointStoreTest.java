package dev.autogen.ext.checkpoint.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same checks on SQLite (a file) and on a real PostgreSQL server. */
class JdbcCheckpointStoreTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    @TempDir
    static Path dir;

    static Stream<String> databases() throws Exception {
        return Stream.of("sqlite", "postgresql");
    }

    private static String newStore(String kind) throws Exception {
        int n = DATABASES.incrementAndGet();
        if (kind.equals("sqlite")) {
            return dir.resolve("checkpoints-" + n + ".db").toString();
        }
        if (postgres == null) {
            postgres = PostgresServer.start();
        }
        return postgres.createDatabase("checkpoints_" + n);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Checkpoint checkpoint(String runId, int turn, RunStatus status, String content) {
        return new Checkpoint(runId, turn, "writers", status, status == RunStatus.RUNNING ? null : "done",
                Map.of("type", "TeamState", "version", "1.0.0", "agent_states", Map.of("w", Map.of("n", turn))),
                List.of(Map.of("type", "TextMessage", "source", "w", "content", content)), 0,
                Instant.ofEpochMilli(1_700_000_000_000L + turn), Checkpoint.VERSION);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void checkpointsAndRunsReadBackAsWrittenAndSurviveReopening(String kind) throws Exception {
        String uri = newStore(kind);
        try (var store = JdbcCheckpointStore.open(uri)) {
            store.save(checkpoint("r1", 0, RunStatus.RUNNING, "go"));
            store.save(checkpoint("r1", 1, RunStatus.RUNNING, "ünïcødé ✓"));
            store.save(checkpoint("r2", 0, RunStatus.COMPLETED, "other"));
            store.updateStatus("r1", RunStatus.FAILED, "model down");
        }
        try (var reopened = JdbcCheckpointStore.open(uri)) {
            assertThat(reopened.checkpoints("r1")).containsExactly(checkpoint("r1", 0, RunStatus.RUNNING, "go"),
                    checkpoint("r1", 1, RunStatus.RUNNING, "ünïcødé ✓"));
            RunSummary r1 = reopened.run("r1").orElseThrow();
            assertThat(r1.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r1.lastTurn()).isEqualTo(1);
            assertThat(r1.stopReason()).isEqualTo("model down");
            assertThat(reopened.runs()).extracting(RunSummary::runId).containsExactly("r1", "r2");
            assertThat(reopened.checkpoints("unknown")).isEmpty();
            assertThat(reopened.run("unknown")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCheckpointThatCannotBeWrittenChangesNothing(String kind) throws Exception {
        try (var store = JdbcCheckpointStore.open(newStore(kind))) {
            store.save(checkpoint("r1", 0, RunStatus.RUNNING, "go"));
            assertThatThrownBy(() -> store.save(checkpoint("r1", 0, RunStatus.COMPLETED, "again")))
                    .hasMessageContaining("cannot write checkpoint 0 of run 'r1'");
            assertThat(store.run("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(store.checkpoints("r1")).containsExactly(checkpoint("r1", 0, RunStatus.RUNNING, "go"));
            assertThatThrownBy(() -> store.updateStatus("nope", RunStatus.CANCELLED, null))
                    .hasMessageContaining("no run 'nope'");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTeamReplaysARunFromTheStoreInANewTeamObject(String kind) throws Exception {
        String uri = newStore(kind);
        String runId;
        try (var store = JdbcCheckpointStore.open(uri)) {
            var team = RoundRobinGroupChat.builder(List.of(
                    AssistantAgent.builder("first", ReplayChatCompletionClient.of("f1", "f2")).build(),
                    AssistantAgent.builder("second", ReplayChatCompletionClient.of("s1")).build())).maxTurns(2).build();
            team.checkpointStore(store);
            team.run("go");
            runId = team.lastRunId();
        }
        try (var store = JdbcCheckpointStore.open(uri)) {
            var team = RoundRobinGroupChat.builder(List.of(
                    AssistantAgent.builder("first", ReplayChatCompletionClient.of("unused")).build(),
                    AssistantAgent.builder("second", ReplayChatCompletionClient.of("other s1")).build())).maxTurns(2).build();
            team.checkpointStore(store);
            TaskResult replayed = team.replay(runId, 1);
            assertThat(replayed.messages()).extracting(m -> m.source() + ": " + m.toText())
                    .containsExactly("user: go", "first: f1", "second: other s1");
            assertThat(store.runs()).hasSize(2);
        }
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhich() {
        assertThatThrownBy(() -> JdbcCheckpointStore.open("jdbc:mysql://localhost/x"))
                .hasMessageContaining("use a jdbc:sqlite: or jdbc:postgresql: URL");
        assertThatThrownBy(() -> JdbcCheckpointStore.open(dir.resolve("missing/folder/runs.db").toString()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> JdbcCheckpointStore.open("jdbc:postgresql://127.0.0.1:1/x?user=u&connectTimeout=2"))
                .hasMessageStartingWith("cannot prepare the checkpoint store jdbc:postgresql://127.0.0.1:1/x");
    }
}
