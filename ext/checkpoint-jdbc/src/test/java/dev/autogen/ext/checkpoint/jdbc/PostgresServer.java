package dev.autogen.ext.checkpoint.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server (Debian package {@code postgresql}) in a temporary folder on a free loopback
 * port, for a test. As root it runs as the {@code postgres} user, which the server requires. Absent
 * binaries: the test is skipped, unless {@code AUTOGEN_TESTS_STRICT=1}, when it fails.
 */
public final class PostgresServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;
    private final Path bin;
    private final boolean root;

    private PostgresServer(Process process, Path dir, int port, Path bin, boolean root) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.bin = bin;
        this.root = root;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        Path dir = Files.createTempDirectory("autogen-postgres-test");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres:", dir.toString()), dir);
        }
        run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-U", "autogen", "--auth=trust", "-E", "UTF8", "--no-sync")), dir);
        int port = freePort();
        Process process = new ProcessBuilder(asServerUser(root, List.of(bin.resolve("postgres").toString(),
                "-D", dir.resolve("data").toString(), "-p", Integer.toString(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile()).start();
        var server = new PostgresServer(process, dir, port, bin, root);
        server.awaitReady();
        return server;
    }

    /** A new, empty database's JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=autogen";
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url("postgres"))) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("postgres did not start; its log:\n"
                            + Files.readString(dir.resolve("postgres.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var bin = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (bin.isPresent()) {
                    return bin.get();
                }
            }
        }
        String message = "PostgreSQL is not installed: install the Debian package postgresql "
                + "(scripts/install-test-deps.sh does) to run the PostgreSQL checkpoint tests";
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", dir.resolve("data").toString(),
                "-m", "immediate")), dir);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
