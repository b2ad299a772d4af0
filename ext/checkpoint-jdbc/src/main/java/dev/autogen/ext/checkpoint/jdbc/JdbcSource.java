package dev.autogen.ext.checkpoint.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Where an embedded database of ours lives: SQLite (a file path, or {@code jdbc:sqlite:FILE}) or
 * PostgreSQL ({@code jdbc:postgresql://...}, user and password in the URL or in {@code PGUSER} and
 * {@code PGPASSWORD}). Shared by the checkpoint store and the Studio, so both read a database URI the
 * same way and open SQLite with the same settings.
 *
 * @param url the JDBC URL
 * @param credentials the user and password not already in the URL
 */
public record JdbcSource(String url, Properties credentials) {

    /**
     * The database at {@code uri}.
     *
     * @param what what the database is for, for messages (e.g. {@code "checkpoint store"})
     * @throws IllegalArgumentException if {@code uri} is another kind of JDBC URL, or a SQLite file in a
     *     folder that does not exist
     */
    public static JdbcSource of(String uri, String what) {
        String url = jdbcUrl(uri, what);
        return new JdbcSource(url, credentials(url));
    }

    /** Whether this is a SQLite database. */
    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** Flyway configured for this database; add the locations and the history table. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"));
    }

    /** A new connection; SQLite in WAL mode with {@code synchronous=NORMAL} and a 30 s busy timeout. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, credentials);
        if (isSqlite()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA busy_timeout=30000");
            }
        }
        return connection;
    }

    /** {@code uri} without a password, for messages and logs. */
    public static String redact(String uri) {
        return uri.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String jdbcUrl(String uri, String what) {
        if (uri.startsWith("jdbc:")) {
            if (!uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(what + " " + redact(uri) + ": use a jdbc:sqlite: or "
                        + "jdbc:postgresql: URL, or a file path for SQLite");
            }
            return uri;
        }
        Path file = Path.of(uri).toAbsolutePath();
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(what + " " + uri + ": folder " + parent + " does not exist");
        }
        return "jdbc:sqlite:" + file;
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
}
