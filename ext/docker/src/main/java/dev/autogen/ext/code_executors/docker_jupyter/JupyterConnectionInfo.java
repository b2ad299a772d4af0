package dev.autogen.ext.code_executors.docker_jupyter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a Jupyter server (or kernel gateway) listens, as Python's {@code JupyterConnectionInfo}:
 * JSON {@code {"host": "127.0.0.1", "use_https": false, "port": 8888, "token": "..."}}.
 *
 * @param host the server's host name or address
 * @param useHttps whether to use HTTPS (and WSS for kernel channels)
 * @param port the port, or null for the scheme's default
 * @param token the server's token, sent as {@code Authorization: token ...}; null for none
 */
@JsonPropertyOrder({"host", "use_https", "port", "token"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JupyterConnectionInfo(String host, boolean useHttps, @Nullable Integer port, @Nullable String token)
        implements JupyterConnectable {
    public JupyterConnectionInfo {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("jupyter_server.host must not be blank");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("jupyter_server.port must be between 1 and 65535, got " + port);
        }
    }

    /** This connection itself. */
    @Override
    public JupyterConnectionInfo connectionInfo() {
        return this;
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:8888}. */
    public URI apiBaseUrl() {
        return URI.create((useHttps ? "https" : "http") + "://" + hostPart() + (port == null ? "" : ":" + port));
    }

    /** The WebSocket base URL, e.g. {@code ws://127.0.0.1:8888}. */
    public URI wsBaseUrl() {
        return URI.create((useHttps ? "wss" : "ws") + "://" + hostPart() + (port == null ? "" : ":" + port));
    }

    private String hostPart() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Shows the token as {@code ***}. */
    @Override
    public String toString() {
        return "JupyterConnectionInfo[" + apiBaseUrl() + (token == null ? "" : ", token=***") + "]";
    }
}
