package dev.autogen.ext.tools.mcp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MCP servers the tests run: from the npm cache filled by scripts/install-mcp-test-servers.sh
 * when present, else through {@code npx -y}. Without node/npx the tests are skipped, unless
 * AUTOGEN_TESTS_STRICT=1, where they fail.
 */
final class McpTestServers {
    static final String EVERYTHING = "@modelcontextprotocol/server-everything@2026.8.31";
    static final String FILESYSTEM = "@modelcontextprotocol/server-filesystem@2026.8.31";
    /** Generous: the first {@code npx -y} downloads the package. */
    private static final Duration NPX_TIMEOUT = Duration.ofSeconds(180);

    private McpTestServers() {
    }

    static Path serversDir() {
        String dir = System.getenv("AUTOGEN_MCP_SERVERS_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "autogen-java", "mcp-servers");
    }

    /** The stdio parameters of server-everything with {@code args}. */
    static StdioServerParams.Builder everything(String... args) {
        return server("mcp-server-everything", EVERYTHING, args);
    }

    /** The stdio parameters of server-filesystem serving {@code root}. */
    static StdioServerParams.Builder filesystem(Path root) {
        return server("mcp-server-filesystem", FILESYSTEM, root.toString());
    }

    private static StdioServerParams.Builder server(String bin, String pkg, String... args) {
        Path installed = serversDir().resolve("node_modules").resolve(".bin").resolve(bin);
        StdioServerParams.Builder builder;
        if (Files.isExecutable(installed) && onPath("node")) {
            builder = StdioServerParams.builder(installed.toString()).readTimeout(Duration.ofSeconds(30));
        } else if (onPath("npx")) {
            builder = StdioServerParams.builder("npx").args("-y", pkg).readTimeout(NPX_TIMEOUT);
        } else {
            return unavailable("node and npx are not on the PATH, so MCP server " + pkg + " cannot run"
                    + " (install nodejs and npm, then run scripts/install-mcp-test-servers.sh)");
        }
        return builder.args(args).env(passThroughEnv());
    }

    /** The command line that starts a server-everything over HTTP ({@code streamableHttp} or {@code sse}). */
    static List<String> everythingCommand(String transport) {
        Path installed = serversDir().resolve("node_modules").resolve(".bin").resolve("mcp-server-everything");
        if (Files.isExecutable(installed) && onPath("node")) {
            return List.of(installed.toString(), transport);
        }
        if (onPath("npx")) {
            return List.of("npx", "-y", EVERYTHING, transport);
        }
        return unavailable("node and npx are not on the PATH, so MCP server " + EVERYTHING + " cannot run");
    }

    /** Variables a node program may need here (TLS roots, npm settings, proxies); the rest is Python's default. */
    static Map<String, String> passThroughEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            String key = k.toUpperCase(java.util.Locale.ROOT);
            if (key.startsWith("NODE_") || key.startsWith("NPM_CONFIG_") || key.endsWith("_PROXY")) {
                env.put(k, v);
            }
        });
        return env;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static <T> T unavailable(String why) {
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(why + " (AUTOGEN_TESTS_STRICT=1, so this is a failure, not a skip)");
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /** A server-everything running over HTTP on a free loopback port; closing it ends the process. */
    static final class HttpServer implements AutoCloseable {
        final Process process;
        final int port;

        private HttpServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static HttpServer start(String transport) throws IOException, InterruptedException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var builder = new ProcessBuilder(new ArrayList<>(everythingCommand(transport)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PORT", Integer.toString(port));
            Process process = builder.start();
            var server = new HttpServer(process, port);
            long deadline = System.nanoTime() + NPX_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server-everything " + transport + " exited with code " + process.exitValue());
                }
                try (var socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            server.close();
            throw new IllegalStateException("server-everything " + transport + " did not listen on port " + port);
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
