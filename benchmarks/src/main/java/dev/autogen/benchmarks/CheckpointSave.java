package dev.autogen.benchmarks;

import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.ext.checkpoint.jdbc.JdbcCheckpointStore;
import dev.autogen.ext.checkpoint.jdbc.JdbcSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * What one checkpoint costs in SQLite, against the floor under it: {@code bare} inserts the same row
 * with plain JDBC on the calling thread and commits (the connection set up as the store's: WAL,
 * {@code synchronous=NORMAL}, the WAL copied back every 1,000 pages); {@code store} is
 * {@link JdbcCheckpointStore#save}, which hands the row to the store's thread and waits for the commit.
 * The row is the size of a turn of {@link DurableTeam} (about 2 KB of team state, 230 B of messages).
 * Read with {@link DurableTeam}: a checkpoint per turn costs a team this, plus taking its state.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
public class CheckpointSave {
    private static final Map<String, Object> TEAM_STATE = Map.of("type", "TeamState", "version", "1.0.0",
            "agent_states", Map.of("writer", "x".repeat(1_000), "critic", "y".repeat(1_000)));
    private static final List<Map<String, Object>> MESSAGES = List.of(Map.<String, Object>of("type", "TextMessage", "source", "writer",
            "content", "A line of verse.", "metadata", Map.of(), "created_at", "2026-12-03T06:29:55.331474Z"));

    @Param({"bare", "store"})
    public String write;

    private Path dir;
    private JdbcCheckpointStore store;
    private Connection connection;
    private PreparedStatement insert;
    private Checkpoint template;
    private int turn;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("autogen-bench-save");
        String file = dir.resolve("runs.db").toString();
        store = JdbcCheckpointStore.open(file);
        template = new Checkpoint("run-0d6f3c1e-9a55-4e0b-8a61-1b6c9c2f7e42", 0, "RoundRobinGroupChat",
                RunStatus.RUNNING, null, TEAM_STATE, MESSAGES, 0, Instant.now(), Checkpoint.VERSION);
        if (write.equals("bare")) {
            connection = JdbcSource.of(file, "benchmark store").connect();
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO autogen_checkpoints (run_id, turn, team_name, status, "
                    + "stop_reason, team_state, messages, checked_from, created_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        if (connection != null) {
            insert.close();
            connection.close();
        }
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int save() throws SQLException {
        int next = turn++;
        if (connection == null) {
            store.save(new Checkpoint(template.runId(), next, template.teamName(), template.status(), null,
                    template.teamStateJson(), template.messagesJson(), 0, Instant.now(), template.version()));
            return next;
        }
        insert.setString(1, template.runId());
        insert.setInt(2, next);
        insert.setString(3, template.teamName());
        insert.setString(4, template.status().label());
        insert.setString(5, null);
        insert.setString(6, template.teamStateJson());
        insert.setString(7, template.messagesJson());
        insert.setInt(8, 0);
        insert.setLong(9, System.currentTimeMillis());
        insert.setString(10, template.version());
        insert.executeUpdate();
        connection.commit();
        return next;
    }
}
