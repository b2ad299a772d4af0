package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The connection file of a kernel, as {@code jupyter_client.write_connection_file} writes it: five
 * loopback TCP ports, the HMAC key and the signature scheme.
 */
record ConnectionInfo(String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort, String key,
        String kernelName) {

    /** New connection info on free loopback ports with a random 256-bit key. */
    static ConnectionInfo allocate(String kernelName) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            int[] ports = new int[5];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new ConnectionInfo(loopback.getHostAddress(), ports[0], ports[1], ports[2], ports[3], ports[4],
                    HexFormat.of().formatHex(key), kernelName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free loopback ports for the kernel: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port was found; closing a listening socket does not fail in practice
                }
            }
        }
    }

    String endpoint(int port) {
        return "tcp://" + ip + ":" + port;
    }

    /** Writes the connection file, readable by this user only where the file system allows. */
    void write(Path file) {
        ObjectNode json = AutogenJson.mapper().createObjectNode()
                .put("shell_port", shellPort)
                .put("iopub_port", iopubPort)
                .put("stdin_port", stdinPort)
                .put("control_port", controlPort)
                .put("hb_port", hbPort)
                .put("ip", ip)
                .put("key", key)
                .put("transport", "tcp")
                .put("signature_scheme", "hmac-sha256")
                .put("kernel_name", kernelName);
        try {
            Files.writeString(file, json.toPrettyString());
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernel connection file '" + file + "': "
                    + e.getMessage(), e);
        }
    }
}
