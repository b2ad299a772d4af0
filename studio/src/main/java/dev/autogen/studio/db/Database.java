package dev.autogen.studio.db;

import dev.autogen.ext.checkpoint.jdbc.JdbcSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Studio's database: SQLite (a file in the app dir, the default) or PostgreSQL, its schema created
 * and upgraded by Flyway (history table {@code studio_schema_history}). As {@code JdbcCheckpointStore}
 * does, every call runs on one platform thread that owns the connection: JDBC drivers block inside
 * {@code synchronized} code, which would pin the virtual threads that serve requests, and one thread
 * also orders the writes. Each {@link #transaction} commits or rolls back as a whole.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final Connection connection;
    private final ExecutorService thread;

    private Database(String url, Connection connection) throws SQLException {
        this.url = url;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("autogen-studio-db").factory());
    }

    /**
     * Opens the database at {@code uri} ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://...}, or a
     * file path for SQLite) and brings its schema up to date.
     *
     * @throws IllegalArgumentException if it cannot be opened or migrated, saying why
     */
    public static Database open(String uri) {
        JdbcSource source = JdbcSource.of(uri, "database");
        String vendor = source.isSqlite() ? "sqlite" : "postgresql";
        try {
            // Another schema history (the checkpoint store's) may already live in this schema, so
            // the baseline sits below our first migration, which then always runs.
            source.flyway()
                    .locations("classpath:dev/autogen/studio/migration/" + vendor)
                    .table("studio_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        } catch (FlywayException e) {
            throw new IllegalArgumentException("cannot prepare the Studio database " + redact(uri) + ": " + e.getMessage(), e);
        }
        try {
            Connection connection = source.connect();
            LOG.info("Studio database {} open", redact(uri));
            return new Database(source.url(), connection);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the Studio database " + redact(uri) + ": " + e.getMessage(), e);
        }
    }

    /** {@code uri} without a password, for messages and logs. */
    public static String redact(String uri) {
        return JdbcSource.redact(uri);
    }

    /** The JDBC URL this database was opened with. */
    public String url() {
        return url;
    }

    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; the transaction commits when it returns and rolls back when it throws. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on the database thread and waits for it.
     *
     * @throws IllegalStateException if the database fails, with its message
     */
    public <T> T transaction(Work<T> work) {
        Future<T> result;
        try {
            result = thread.submit(() -> {
                try {
                    T value = work.run(connection);
                    connection.commit();
                    return value;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the Studio database is closed", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the database");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("database error: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        try {
            thread.submit(() -> {
                connection.close();
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            LOG.debug("closing the Studio database", e);
        } finally {
            thread.shutdown();
        }
    }
}
