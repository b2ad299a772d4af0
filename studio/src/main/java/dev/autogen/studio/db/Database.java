package dev.autogen.studio.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.flywaydb.core.Flyway;
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
        String url = jdbcUrl(uri);
        Properties credentials = credentials(url);
        String vendor = url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
        try {
            // Another schema history (the checkpoint store's) may already live in this schema, so
            // the baseline sits below our first migration, which then always runs.
            Flyway.configure().dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
                    .locations("classpath:dev/autogen/studio/migration/" + vendor)
                    .table("studio_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        } catch (FlywayException e) {
            throw new IllegalArgumentException("cannot prepare the Studio database " + redact(uri) + ": " + e.getMessage(), e);
        }
        try {
            Connection connection = DriverManager.getConnection(url, credentials);
            if (vendor.equals("sqlite")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA journal_mode=WAL");
                    statement.execute("PRAGMA synchronous=NORMAL");
                    statement.execute("PRAGMA busy_timeout=30000");
                }
            }
            LOG.info("Studio database {} open", redact(uri));
            return new Database(url, connection);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the Studio database " + redact(uri) + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL for {@code uri}: a {@code jdbc:} URL as it is, a path as a SQLite file. */
    public static String jdbcUrl(String uri) {
        if (uri.startsWith("jdbc:")) {
            if (!uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("database " + redact(uri)
                        + ": use a jdbc:sqlite: or jdbc:postgresql: URL, or a file path for SQLite");
            }
            return uri;
        }
        return "jdbc:sqlite:" + Path.of(uri).toAbsolutePath();
    }

    /** {@code uri} without a password, for messages and logs. */
    public static String redact(String uri) {
        return uri.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static Properties credentials(String url) {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            String user = System.getenv("PGUSER");
            String password = System.getenv("PGPASSWORD");
            if (user != null && !url.contains("user=")) {
                properties.setProperty("user", user);
            }
            if (password != null && !url.contains("password=")) {
                properties.setProperty("password", password);
            }
        }
        return properties;
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
