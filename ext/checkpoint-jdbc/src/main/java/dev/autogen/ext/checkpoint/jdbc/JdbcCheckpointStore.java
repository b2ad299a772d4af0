package dev.autogen.ext.checkpoint.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.CheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.checkpoint.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/**
 * A {@link CheckpointStore} in a relational database: SQLite, the embedded default (a file, nothing
 * to start), or PostgreSQL. The schema is created and upgraded by Flyway on open; each checkpoint is
 * written in one transaction (with its run's row when the run's status changes), so a process killed
 * mid-write leaves the previous checkpoint as the latest. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL}: a committed checkpoint survives the process being killed (only a power
 * loss may take the last ones); the WAL is copied back into the database file by a thread of its own,
 * never by a save.
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
    /** SQLite's result code for a database locked by another connection (extended codes add high bits). */
    private static final int SQLITE_BUSY = 5;
    /** How long a write waits for another process's lock, as {@link JdbcSource#connect()} sets it. */
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    /** Commits between two copies of SQLite's WAL into the database file (about 5 pages each). */
    private static final int SAVES_PER_WAL_CHECKPOINT = 200;
    private static final String UPSERT_RUN = "INSERT INTO autogen_runs (run_id, team_name, status, last_turn, "
            + "stop_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET "
            + "team_name = excluded.team_name, status = excluded.status, last_turn = excluded.last_turn, "
            + "stop_reason = excluded.stop_reason, updated_at = excluded.updated_at";

    private final String location;
    private final JdbcSource source;
    private final Connection connection;
    /**
     * Held by whoever uses the connection: the database thread, or a caller writing a SQLite checkpoint
     * on its own thread.
     */
    private final ReentrantLock connectionLock = new ReentrantLock();
    /** The status and stop reason each recent run's row holds, as this store wrote them; under the lock. */
    private final Map<String, RunRow> runRows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunRow> eldest) {
            return size() > 64;
        }
    };
    /** The connection as SQLite's, when it is one: its busy timeout is set per write. */
    private final @Nullable SQLiteConnection sqlite;
    /** SQLite only: copies the WAL into the database file on a connection and thread of its own. */
    private final @Nullable WalCheckpointer walCheckpointer;
    private int savesSinceWalCheckpoint;
    /** Set by {@link #close()}: a save then goes to the closed database thread, which says so. */
    private volatile boolean closed;
    /**
     * The one thread that talks to the database: JDBC drivers block in native code inside
     * {@code synchronized} blocks, which would pin the virtual threads teams run on; handing each call
     * to a platform thread lets the caller's virtual thread unmount while it waits. It also orders the calls.
     */
    private final ExecutorService database;
    /** Prepared once: a team writes a checkpoint every turn. */
    private final PreparedStatement insertCheckpoint;
    private final PreparedStatement upsertRun;

    /** What a run's row says, beyond its id and team. */
    private record RunRow(RunStatus status, @Nullable String stopReason) {
    }

    private JdbcCheckpointStore(String location, JdbcSource source, Connection connection) throws SQLException {
        this.location = location;
        this.source = source;
        this.connection = connection;
        if (source.isSqlite()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint=0");
            }
            sqlite = connection.unwrap(SQLiteConnection.class);
            walCheckpointer = new WalCheckpointer();
        } else {
            sqlite = null;
            walCheckpointer = null;
        }
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
        try {
            source.flyway()
                    .locations("classpath:dev/autogen/ext/checkpoint/jdbc/migration")
                    .table("autogen_schema_history")
                    .baselineOnMigrate(true)
                    .load().migrate();
        } catch (FlywayException e) {
            throw new IllegalArgumentException("cannot prepare the checkpoint store " + uri + ": " + e.getMessage(), e);
        }
        try {
            return new JdbcCheckpointStore(uri, source, source.connect());
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the checkpoint store " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the checkpoint row, and the run's row when its status or stop reason changes (its last turn
     * and update time are read from the checkpoints). On SQLite the caller's thread writes it when the
     * database is free, without waiting for a lock (a wait would hold its carrier thread in native code);
     * a write that finds another process's lock is handed to the store's thread, which waits for it.
     */
    @Override
    public void save(Checkpoint checkpoint) {
        String what = "write checkpoint " + checkpoint.turn() + " of run '" + checkpoint.runId() + "'";
        if (sqlite != null && !closed && connectionLock.tryLock()) {
            try {
                if (saveWithoutWaiting(sqlite, checkpoint, what)) {
                    return;
                }
            } finally {
                connectionLock.unlock();
            }
        }
        inTransaction(() -> {
            write(checkpoint);
            return checkpoint;
        }, what);
    }

    /** Writes {@code checkpoint} on this thread unless another connection holds SQLite's write lock. */
    private boolean saveWithoutWaiting(SQLiteConnection sqlite, Checkpoint checkpoint, String what) {
        try {
            sqlite.setBusyTimeout(0);
            try {
                write(checkpoint);
                connection.commit();
            } finally {
                sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            }
        } catch (SQLException e) {
            rollbackQuietly();
            if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
                return false;
            }
            throw failure(what, e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        committed(checkpoint);
        copyWalWhenDue();
        return true;
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

    /** Notes what the run's row holds once {@code checkpoint} committed. */
    private void committed(Checkpoint checkpoint) {
        runRows.put(checkpoint.runId(), new RunRow(checkpoint.status(), checkpoint.stopReason()));
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback on {} failed: {}", location, e.getMessage());
        }
    }

    /** Every {@link #SAVES_PER_WAL_CHECKPOINT} saves, has the WAL copied into the database file. */
    private void copyWalWhenDue() {
        WalCheckpointer checkpointer = walCheckpointer;
        if (checkpointer != null && ++savesSinceWalCheckpoint >= SAVES_PER_WAL_CHECKPOINT) {
            savesSinceWalCheckpoint = 0;
            checkpointer.request();
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
        closed = true;
        try {
            onDatabaseThread(() -> {
                insertCheckpoint.close();
                upsertRun.close();
                connection.close();
                return null;
            }, "close");
        } finally {
            database.shutdown();
            if (walCheckpointer != null) {
                walCheckpointer.close();
            }
        }
    }

    @Override
    public String toString() {
        return "checkpoint store " + location;
    }

    /**
     * Copies SQLite's WAL into the database file ({@code PRAGMA wal_checkpoint(PASSIVE)}, which never
     * blocks a writer) on a connection and platform thread of its own, so no save waits for it or for
     * the file syncs it makes. The store's connection has SQLite's automatic checkpoints turned off.
     */
    private final class WalCheckpointer {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("autogen-checkpoint-store-wal").factory());
        private final AtomicBoolean pending = new AtomicBoolean();
        private @Nullable Connection walConnection;

        /** Asks for a copy unless one is already waiting to run. */
        void request() {
            if (pending.compareAndSet(false, true)) {
                try {
                    thread.execute(this::copy);
                } catch (RejectedExecutionException e) {
                    pending.set(false); // closing: SQLite copies the WAL when the last connection closes
                }
            }
        }

        private void copy() {
            pending.set(false);
            try {
                if (walConnection == null) {
                    walConnection = source.connect();
                }
                try (Statement statement = walConnection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            } catch (SQLException e) {
                LOG.warn("could not copy the WAL of {} into the database file: {}", location, e.getMessage());
            }
        }

        void close() {
            thread.execute(() -> {
                try {
                    if (walConnection != null) {
                        walConnection.close();
                    }
                } catch (SQLException e) {
                    LOG.debug("closing the WAL connection of {} failed: {}", location, e.getMessage());
                }
            });
            thread.shutdown();
            try {
                if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("the WAL of {} was still being copied when the store closed", location);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            if (result instanceof Checkpoint checkpoint) {
                committed(checkpoint);
                copyWalWhenDue();
            }
            return result;
        }, what);
    }

    /** Runs {@code work} on the database thread and waits for it. */
    private <T> T onDatabaseThread(Work<T> work, String what) {
        Future<T> result;
        try {
            result = database.submit(() -> {
                connectionLock.lock();
                try {
                    return work.run();
                } finally {
                    connectionLock.unlock();
                }
            });
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
