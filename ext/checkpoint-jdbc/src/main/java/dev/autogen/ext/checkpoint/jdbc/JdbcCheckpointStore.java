package dev.autogen.ext.checkpoint.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import dev.autogen.core.utils.Concurrency;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CheckpointStore} in a relational database: SQLite, the embedded default (a file, nothing
 * to start), or PostgreSQL. The schema is created and upgraded by Flyway on open; each checkpoint is
 * written in one transaction (with its run's row when the run's status changes), so a process killed
 * mid-write leaves the previous checkpoint as the latest. Writes are made in order on a thread of the
 * store's own; checkpoints that queue up while one is written (many teams sharing a store) are written
 * together in the next transaction, each still whole. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL}: a committed checkpoint survives the process being killed (only a power
 * loss may take the last ones); the commit that takes the WAL past 1,000 pages copies it back into the
 * database file, on the store's thread, and the WAL then starts over.
 *
 * <!-- java-context: import dev.autogen.agentchat.teams.RoundRobinGroupChat; RoundRobinGroupChat team; -->
 * <pre>{@code
 * try (var store = JdbcCheckpointStore.open("runs.db")) {          // or "jdbc:postgresql://host/db?user=u"
 *     team.checkpointStore(store);
 *     team.run("Plan a trip.");
 * }
 * }</pre>
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCheckpointStore.class);
    private static final String CHECKPOINT_COLUMNS =
            "run_id, turn, team_name, status, stop_reason, team_state, messages, checked_from, created_at, version";

    private static final String INSERT_CHECKPOINT = "INSERT INTO autogen_checkpoints (" + CHECKPOINT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The run's row without its last turn and update time, which the checkpoints give. */
    private static final String RUN_COLUMNS = "r.run_id, r.team_name, r.status, r.last_turn, r.stop_reason, r.updated_at, "
            + "(SELECT max(turn) FROM autogen_checkpoints c WHERE c.run_id = r.run_id), "
            + "(SELECT max(created_at) FROM autogen_checkpoints c WHERE c.run_id = r.run_id)";
    /** The most checkpoints written in one transaction. */
    private static final int MAX_SAVES_PER_TRANSACTION = 64;
    private static final String UPSERT_RUN = "INSERT INTO autogen_runs (run_id, team_name, status, last_turn, "
            + "stop_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET "
            + "team_name = excluded.team_name, status = excluded.status, last_turn = excluded.last_turn, "
            + "stop_reason = excluded.stop_reason, updated_at = excluded.updated_at";

    /** The store's URI without its password, for messages. */
    private final String location;
    /** Used only on the database thread. */
    private final Connection connection;
    /** The status and stop reason each recent run's row holds, as this store wrote them; database thread only. */
    private final Map<String, RunRow> runRows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunRow> eldest) {
            return size() > 64;
        }
    };
    /**
     * The one thread that talks to the database: JDBC drivers block in native code inside
     * {@code synchronized} blocks, which would pin the virtual threads teams run on; handing each call
     * to a platform thread lets the caller's virtual thread unmount while it waits. It also orders the
     * calls.
     */
    private final ExecutorService database;
    /** Checkpoints handed to {@link #save}, not yet written; each has a task on the database thread. */
    private final ConcurrentLinkedQueue<PendingSave> pendingSaves = new ConcurrentLinkedQueue<>();
    /** Prepared once: a team writes a checkpoint every turn. */
    private final PreparedStatement insertCheckpoint;
    private final PreparedStatement upsertRun;

    /** What a run's row says, beyond its id and team. */
    private record RunRow(RunStatus status, @Nullable String stopReason) {
    }

    /** A checkpoint waiting to be written, and its caller's future. */
    private record PendingSave(Checkpoint checkpoint, CompletableFuture<Void> written) {
        String what() {
            return "write checkpoint " + checkpoint.turn() + " of run '" + checkpoint.runId() + "'";
        }
    }

    private JdbcCheckpointStore(String location, Connection connection) throws SQLException {
        this.location = location;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.database = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("autogen-checkpoint-store")
                .factory());
        this.insertCheckpoint = connection.prepareStatement(INSERT_CHECKPOINT);
        this.upsertRun = connection.prepareStatement(UPSERT_RUN);
    }

    /**
     * Opens (creating or upgrading its schema) the store at {@code uri}: a {@code jdbc:sqlite:FILE} or
     * {@code jdbc:postgresql://...} URL, or a plain file path for SQLite. PostgreSQL needs the
     * {@code org.postgresql:postgresql} and {@code org.flywaydb:flyway-database-postgresql} artifacts;
     * its user and password go in the URL or in {@code PGUSER}/{@code PGPASSWORD}.
     *
     * @throws IllegalArgumentException if the store cannot be opened, saying why
     */
    public static JdbcCheckpointStore open(String uri) {
        JdbcSource source = JdbcSource.of(uri, "checkpoint store");
        String location = JdbcSource.redact(uri); // what messages and logs name: never a password
        try {
            source.flyway()
                    .locations("classpath:dev/autogen/ext/checkpoint/jdbc/migration")
                    .table("autogen_schema_history")
                    .baselineOnMigrate(true)
                    .load().migrate();
        } catch (FlywayException e) {
            throw new IllegalArgumentException("cannot prepare the checkpoint store " + location + ": " + e.getMessage(), e);
        }
        try {
            return new JdbcCheckpointStore(location, source.connect());
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the checkpoint store " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the checkpoint row, and the run's row when its status or stop reason changes (its last turn
     * and update time are read from the checkpoints), and returns once they are committed. The write is
     * made on the store's thread; checkpoints that other teams hand over meanwhile are committed in the
     * same transaction (each still whole: a crash keeps all of them or none). A write that finds another
     * process's lock waits for it there, up to 30 s.
     */
    @Override
    public void save(Checkpoint checkpoint) {
        var save = new PendingSave(checkpoint, new CompletableFuture<>());
        pendingSaves.add(save);
        try {
            database.execute(this::writePendingSaves);
        } catch (RejectedExecutionException e) {
            pendingSaves.remove(save);
            throw new IllegalStateException("cannot " + save.what() + ": the checkpoint store " + location
                    + " is closed", e);
        }
        Concurrency.join(save.written(), "the checkpoint store " + location);
    }

    /**
     * On the database thread: writes the checkpoints queued so far in one transaction. If it fails, each
     * is tried alone, so one bad checkpoint fails only its own caller.
     */
    private void writePendingSaves() {
        List<PendingSave> batch = new ArrayList<>();
        for (PendingSave save; batch.size() < MAX_SAVES_PER_TRANSACTION && (save = pendingSaves.poll()) != null;) {
            batch.add(save);
        }
        if (batch.isEmpty()) {
            return; // an earlier task wrote this one's checkpoint
        }
        try {
            commit(batch);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                failed(batch.get(0), e);
                return;
            }
            LOG.debug("writing {} checkpoints together failed, writing each alone: {}", batch.size(), e.getMessage());
            for (PendingSave save : batch) {
                try {
                    commit(List.of(save));
                } catch (SQLException | RuntimeException alone) {
                    failed(save, alone);
                }
            }
        }
    }

    /** Writes {@code saves} in one transaction and tells their callers; rolls back and throws if it fails. */
    private void commit(List<PendingSave> saves) throws SQLException {
        try {
            for (PendingSave save : saves) {
                write(save.checkpoint());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        saves.forEach(this::committed);
    }

    private void failed(PendingSave save, Exception e) {
        save.written().completeExceptionally(e instanceof SQLException sql ? failure(save.what(), sql) : e);
    }

    /** The statements of a checkpoint, in the open transaction; the caller commits. */
    private void write(Checkpoint checkpoint) throws SQLException {
        PreparedStatement insert = insertCheckpoint;
        insert.setString(1, checkpoint.runId());
        insert.setInt(2, checkpoint.turn());
        insert.setString(3, checkpoint.teamName());
        insert.setString(4, checkpoint.status().label());
        insert.setString(5, checkpoint.stopReason());
        insert.setString(6, checkpoint.teamStateJson());
        insert.setString(7, checkpoint.messagesJson());
        insert.setInt(8, checkpoint.checkedFrom());
        insert.setLong(9, checkpoint.createdAt().toEpochMilli());
        insert.setString(10, checkpoint.version());
        insert.executeUpdate();
        if (!new RunRow(checkpoint.status(), checkpoint.stopReason()).equals(runRows.get(checkpoint.runId()))) {
            PreparedStatement upsert = upsertRun;
            upsert.setString(1, checkpoint.runId());
            upsert.setString(2, checkpoint.teamName());
            upsert.setString(3, checkpoint.status().label());
            upsert.setInt(4, checkpoint.turn());
            upsert.setString(5, checkpoint.stopReason());
            upsert.setLong(6, checkpoint.createdAt().toEpochMilli());
            upsert.executeUpdate();
        }
    }

    /** Notes what the run's row holds once {@code save} committed, and tells its caller. */
    private void committed(PendingSave save) {
        Checkpoint checkpoint = save.checkpoint();
        runRows.put(checkpoint.runId(), new RunRow(checkpoint.status(), checkpoint.stopReason()));
        save.written().complete(null);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback on {} failed: {}", location, e.getMessage());
        }
    }

    @Override
    public void updateStatus(String runId, RunStatus status, @Nullable String stopReason) {
        int updated = inTransaction(() -> {
            runRows.remove(runId); // the next checkpoint writes the row again
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE autogen_runs SET status = ?, stop_reason = ?, updated_at = ? WHERE run_id = ?")) {
                update.setString(1, status.label());
                update.setString(2, stopReason);
                update.setLong(3, Instant.now().toEpochMilli());
                update.setString(4, runId);
                return update.executeUpdate();
            }
        }, "record the status of run '" + runId + "'");
        if (updated == 0) {
            throw new IllegalArgumentException("no run '" + runId + "' in the checkpoint store " + location);
        }
    }

    @Override
    public List<Checkpoint> checkpoints(String runId) {
        return query(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS
                    + " FROM autogen_checkpoints WHERE run_id = ? ORDER BY turn")) {
                select.setString(1, runId);
                List<Checkpoint> checkpoints = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        checkpoints.add(new Checkpoint(rows.getString(1), rows.getInt(2), rows.getString(3),
                                RunStatus.fromLabel(rows.getString(4)), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getInt(8),
                                Instant.ofEpochMilli(rows.getLong(9)), rows.getString(10)));
                    }
                }
                return checkpoints;
            }
        }, "read the checkpoints of run '" + runId + "'");
    }

    @Override
    public Optional<RunSummary> run(String runId) {
        List<RunSummary> found = runs("WHERE r.run_id = ?", runId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<RunSummary> runs() {
        return runs("", null);
    }

    private List<RunSummary> runs(String clause, @Nullable String runId) {
        List<RunSummary> runs = query(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + RUN_COLUMNS + " FROM autogen_runs r " + clause)) {
                if (runId != null) {
                    select.setString(1, runId);
                }
                List<RunSummary> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int lastTurn = Math.max(rows.getInt(4), rows.getInt(7));
                        long updatedAt = Math.max(rows.getLong(6), rows.getLong(8));
                        found.add(new RunSummary(rows.getString(1), rows.getString(2),
                                RunStatus.fromLabel(rows.getString(3)), lastTurn, rows.getString(5),
                                Instant.ofEpochMilli(updatedAt)));
                    }
                }
                return found;
            }
        }, "list the runs");
        runs.sort(Comparator.comparing(RunSummary::updatedAt).reversed().thenComparing(RunSummary::runId));
        return runs;
    }

    @Override
    public void close() {
        try {
            onDatabaseThread(() -> {
                insertCheckpoint.close();
                upsertRun.close();
                connection.close();
                return null;
            }, "close");
        } finally {
            database.shutdown();
        }
    }

    @Override
    public String toString() {
        return "checkpoint store " + location;
    }

    /** A unit of work on the connection that may fail with SQL or JSON errors. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, JsonProcessingException;
    }

    /** Reads in a transaction of its own, ended at once so no snapshot is held between calls. */
    private <T> T query(Work<T> work, String what) {
        return inTransaction(work, what);
    }

    /** Runs {@code work} in one transaction on the store's connection (which never auto-commits). */
    private <T> T inTransaction(Work<T> work, String what) {
        return onDatabaseThread(() -> {
            T result;
            try {
                result = work.run();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            return result;
        }, what);
    }

    /** Runs {@code work} on the database thread and waits for it. */
    private <T> T onDatabaseThread(Work<T> work, String what) {
        Future<T> result;
        try {
            result = database.submit(work::run);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": the checkpoint store " + location + " is closed", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException || cause instanceof JsonProcessingException) {
                throw failure(what, (Exception) cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot " + what + " in the checkpoint store " + location, cause);
        }
    }

    private IllegalStateException failure(String what, Exception e) {
        return new IllegalStateException("cannot " + what + " in the checkpoint store " + location + ": "
                + e.getMessage(), e);
    }
}
