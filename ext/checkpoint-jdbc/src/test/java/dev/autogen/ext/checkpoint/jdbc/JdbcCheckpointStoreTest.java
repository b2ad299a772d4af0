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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    @ParameterizedTest
    @MethodSource("databases")
    void aRunsLastTurnAndUpdateTimeComeFromItsCheckpointsWhileItsRowChangesOnlyWithItsStatus(String kind)
            throws Exception {
        String uri = newStore(kind);
        try (var store = JdbcCheckpointStore.open(uri)) {
            for (int turn = 0; turn < 4; turn++) {
                store.save(checkpoint("r1", turn, RunStatus.RUNNING, "turn " + turn));
            }
            store.save(checkpoint("r2", 0, RunStatus.RUNNING, "other"));
            RunSummary r1 = store.run("r1").orElseThrow();
            assertThat(r1.lastTurn()).isEqualTo(3);
            assertThat(r1.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_003L));
            assertThat(store.runs()).extracting(RunSummary::runId).containsExactly("r1", "r2");
            try (Connection direct = DriverManager.getConnection(jdbcUrl(uri));
                    Statement statement = direct.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT status, last_turn FROM autogen_runs WHERE run_id = 'r1'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("running");
                assertThat(row.getInt(2)).as("written with the run's first checkpoint only").isZero();
            }
            store.save(checkpoint("r1", 4, RunStatus.COMPLETED, "done"));
            store.updateStatus("r2", RunStatus.FAILED, "model down");
            store.save(checkpoint("r2", 1, RunStatus.RUNNING, "resumed"));
        }
        try (var reopened = JdbcCheckpointStore.open(uri)) {
            RunSummary r1 = reopened.run("r1").orElseThrow();
            assertThat(r1.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r1.stopReason()).isEqualTo("done");
            assertThat(r1.lastTurn()).isEqualTo(4);
            RunSummary r2 = reopened.run("r2").orElseThrow();
            assertThat(r2.status()).as("a resumed run is running again").isEqualTo(RunStatus.RUNNING);
            assertThat(r2.stopReason()).isNull();
            assertThat(r2.lastTurn()).isEqualTo(1);
        }
    }

    @Test
    void aSqliteSaveThatFindsTheDatabaseLockedWaitsForTheLockAndThenCommits() throws Exception {
        String uri = newStore("sqlite");
        try (var store = JdbcCheckpointStore.open(uri);
                Connection other = DriverManager.getConnection(jdbcUrl(uri));
                Statement lock = other.createStatement()) {
            store.save(checkpoint("r1", 0, RunStatus.RUNNING, "go"));
            lock.execute("BEGIN IMMEDIATE"); // another process's write lock
            var failure = new AtomicReference<Throwable>();
            Thread saving = Thread.ofVirtual().uncaughtExceptionHandler((thread, e) -> failure.set(e))
                    .start(() -> store.save(checkpoint("r1", 1, RunStatus.RUNNING, "next")));
            while (saving.getState() != Thread.State.WAITING) { // handed to the store's thread, which waits
                assertThat(saving.isAlive()).as("the save ended while the database was locked").isTrue();
                Thread.onSpinWait();
            }
            try (ResultSet turns = lock.executeQuery("SELECT count(*) FROM autogen_checkpoints")) {
                turns.next();
                assertThat(turns.getInt(1)).isEqualTo(1);
            }
            lock.execute("ROLLBACK");
            saving.join();
            assertThat(failure.get()).isNull();
            assertThat(store.checkpoints("r1")).containsExactly(checkpoint("r1", 0, RunStatus.RUNNING, "go"),
                    checkpoint("r1", 1, RunStatus.RUNNING, "next"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void teamsSavingAtOnceShareTransactionsAndABadCheckpointFailsOnlyItsOwnSave(String kind) throws Exception {
        String uri = newStore(kind);
        try (var store = JdbcCheckpointStore.open(uri);
                Connection other = DriverManager.getConnection(jdbcUrl(uri));
                Statement lock = other.createStatement()) {
            store.save(checkpoint("taken", 0, RunStatus.RUNNING, "first"));
            boolean sqlite = kind.equals("sqlite");
            if (sqlite) {
                lock.execute("BEGIN IMMEDIATE"); // another process's write lock
            } else {
                other.setAutoCommit(false);
                lock.execute("LOCK TABLE autogen_checkpoints IN SHARE MODE");
            }
            var failures = new ConcurrentHashMap<String, Throwable>();
            List<Thread> teams = new ArrayList<>();
            for (int team = 0; team < 8; team++) { // each saves its turns in order, as a team does
                String runId = "run-" + team;
                teams.add(Thread.ofVirtual().uncaughtExceptionHandler((thread, e) -> failures.put(runId, e)).start(() -> {
                    for (int turn = 0; turn < 5; turn++) {
                        store.save(checkpoint(runId, turn, RunStatus.RUNNING, runId + " turn " + turn));
                    }
                }));
            }
            teams.add(Thread.ofVirtual().uncaughtExceptionHandler((thread, e) -> failures.put("taken", e))
                    .start(() -> store.save(checkpoint("taken", 0, RunStatus.COMPLETED, "again"))));
            for (Thread team : teams) { // every first save queued behind the lock, so they are written together
                while (team.getState() != Thread.State.WAITING) {
                    assertThat(team.isAlive()).as("a save ended while the database was locked").isTrue();
                    Thread.onSpinWait();
                }
            }
            if (sqlite) {
                lock.execute("ROLLBACK");
            } else {
                other.rollback();
            }
            for (Thread team : teams) {
                team.join();
            }
            assertThat(failures).containsOnlyKeys("taken");
            assertThat(failures.get("taken")).hasMessageContaining("cannot write checkpoint 0 of run 'taken'");
            assertThat(store.checkpoints("taken")).containsExactly(checkpoint("taken", 0, RunStatus.RUNNING, "first"));
            for (int team = 0; team < 8; team++) {
                String runId = "run-" + team;
                assertThat(store.checkpoints(runId)).extracting(Checkpoint::turn).containsExactly(0, 1, 2, 3, 4);
                assertThat(store.checkpoints(runId).get(4)).isEqualTo(checkpoint(runId, 4, RunStatus.RUNNING,
                        runId + " turn 4"));
            }
        }
    }

    @Test
    void checkpointsWaitingWhenTheStoreClosesAreWrittenAndOnesAfterItAreRefusedByName() throws Exception {
        String uri = newStore("sqlite");
        var store = JdbcCheckpointStore.open(uri);
        List<Thread> teams = new ArrayList<>();
        Thread closing;
        try (Connection other = DriverManager.getConnection(jdbcUrl(uri)); Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE"); // the saves wait behind another process's lock
            for (int team = 0; team < 4; team++) {
                String runId = "run-" + team;
                teams.add(Thread.ofVirtual().start(() -> store.save(checkpoint(runId, 0, RunStatus.RUNNING, "go"))));
            }
            for (Thread team : teams) {
                while (team.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
            }
            closing = Thread.ofVirtual().start(store::close);
            while (closing.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            lock.execute("ROLLBACK");
        }
        closing.join();
        for (Thread team : teams) {
            team.join();
        }
        assertThatThrownBy(() -> store.save(checkpoint("late", 0, RunStatus.RUNNING, "too late")))
                .hasMessage("cannot write checkpoint 0 of run 'late': the checkpoint store " + uri + " is closed");
        try (var reopened = JdbcCheckpointStore.open(uri)) {
            assertThat(reopened.runs()).extracting(RunSummary::runId)
                    .containsExactlyInAnyOrder("run-0", "run-1", "run-2", "run-3");
        }
    }

    @Test
    void aSqliteStoresWriteAheadLogStaysSmallHoweverManyCheckpointsItTakes() throws Exception {
        String uri = newStore("sqlite");
        String state = "a line of the team's history ".repeat(100); // about 3 KB, as a few turns of a chat
        try (var store = JdbcCheckpointStore.open(uri)) {
            for (int turn = 0; turn < 2_000; turn++) {
                store.save(new Checkpoint("long", turn, "writers", RunStatus.RUNNING, null,
                        Map.of("type", "TeamState", "version", "1.0.0", "agent_states", Map.of("w", state + turn)),
                        List.of(), 0, Instant.now(), Checkpoint.VERSION));
            }
            // 2,000 checkpoints put about 30 MB through the WAL; it is copied into the database file
            // every 1,000 pages (4 MB) and then starts over, so it never holds much more than that.
            assertThat(Files.size(Path.of(uri + "-wal"))).isLessThan(8L << 20);
            assertThat(store.latest("long").orElseThrow().turn()).isEqualTo(1_999);
        }
    }

    private static String jdbcUrl(String uri) {
        return uri.startsWith("jdbc:") ? uri : "jdbc:sqlite:" + uri;
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhich() {
        assertThatThrownBy(() -> JdbcCheckpointStore.open("jdbc:mysql://localhost/x"))
                .hasMessageContaining("use a jdbc:sqlite: or jdbc:postgresql: URL");
        assertThatThrownBy(() -> JdbcCheckpointStore.open(dir.resolve("missing/folder/runs.db").toString()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> JdbcCheckpointStore.open("jdbc:postgresql://127.0.0.1:1/x?user=u&connectTimeout=2"))
                .hasMessageStartingWith("cannot prepare the checkpoint store jdbc:postgresql://127.0.0.1:1/x");
        assertThatThrownBy(() -> JdbcCheckpointStore.open(
                "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2&connectTimeout=2"))
                .hasMessageStartingWith("cannot prepare the checkpoint store jdbc:postgresql://127.0.0.1:1/x?user=u&password=***")
                .message().doesNotContain("hunter2");
    }
}
