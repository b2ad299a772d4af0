package dev.autogen.ext.cache_store.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} (Debian package {@code redis-server}) started on a free loopback port
 * for a test and stopped afterwards. Absent binary: the test is skipped, unless
 * {@code AUTOGEN_TESTS_STRICT=1}, when it fails.
 */
final class RedisServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    final int port;

    private RedisServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static RedisServer start(@Nullable String password) throws IOException, InterruptedException {
        Path binary = findBinary();
        Path dir = Files.createTempDirectory("autogen-redis-test");
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", dir.toString()));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            if (awaitReady(process, port, password)) {
                return new RedisServer(process, dir, port);
            }
            process.destroyForcibly().waitFor();
            if (attempt == 2) {
                throw new IllegalStateException("redis-server did not start; its log:\n"
                        + Files.readString(dir.resolve("redis.log")));
            }
        }
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        String message = "redis-server is not installed: install the Debian package redis-server "
                + "(scripts/install-test-deps.sh does) to run the Redis store tests";
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the server answers PING, the process dies, or a generous start-up limit passes. */
    private static boolean awaitReady(Process process, int port, @Nullable String password) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        var config = DefaultJedisClientConfig.builder().password(password).build();
        while (process.isAlive() && Instant.now().isBefore(giveUp)) {
            try (var redis = RedisClient.builder().hostAndPort("127.0.0.1", port).clientConfig(config).build()) {
                if ("PONG".equals(redis.ping())) {
                    return true;
                }
            } catch (JedisException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    RedisStoreConfig.Builder config() {
        return RedisStoreConfig.builder().host("127.0.0.1").port(port);
    }

    RedisClient client() {
        return RedisClient.create("127.0.0.1", port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
