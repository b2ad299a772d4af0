package dev.autogen.ext.code_executors.docker_jupyter;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code jupyter server} (Debian's python3-jupyter-server, with python3-ipykernel; installed by
 * scripts/install-test-deps.sh) on a free loopback port with a token, for the Jupyter client's tests.
 * Skips the test where it is not installed, unless AUTOGEN_TESTS_STRICT=1.
 */
final class JupyterServerProcess implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    static final String TOKEN = "test-token-" + Long.toHexString(System.nanoTime());

    private final Process process;
    private final Path log;
    final JupyterConnectionInfo info;

    private JupyterServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.info = new JupyterConnectionInfo("127.0.0.1", false, port, TOKEN);
    }

    static JupyterServerProcess start(Path root) throws Exception {
        assumeInstalled();
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("jupyter-server-", ".log");
        Process process = new ProcessBuilder(PYTHON, "-m", "jupyter_server", "--no-browser", "--allow-root",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.port=" + port, "--ServerApp.port_retries=0",
                "--ServerApp.token=" + TOKEN, "--ServerApp.root_dir=" + root)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var server = new JupyterServerProcess(process, log, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var client = new JupyterClient(server.info)) {
            while (true) {
                try {
                    client.listKernelSpecs();
                    return server;
                } catch (JupyterServerException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        String output = Files.readString(log);
                        server.close();
                        throw new IllegalStateException("jupyter server did not come up: " + notYet.getMessage()
                                + "\n" + output);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static void assumeInstalled() throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", "import jupyter_server, ipykernel").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!ok) {
            String message = "Jupyter server tests need " + PYTHON + " with jupyter_server and ipykernel (Debian packages"
                    + " python3-jupyter-server, python3-ipykernel; scripts/install-test-deps.sh): " + out;
            if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();   // SIGTERM: the server shuts its kernels down
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
