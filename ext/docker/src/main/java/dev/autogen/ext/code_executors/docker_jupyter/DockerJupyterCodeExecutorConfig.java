package dev.autogen.ext.code_executors.docker_jupyter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link DockerJupyterCodeExecutor}, with Python's field names and defaults:
 * {@code {"jupyter_server": {"host": "127.0.0.1", "use_https": false, "port": 8888, "token": "..."},
 * "kernel_name": "python3", "timeout": 60}}; as in Python, fields without a value ({@code output_dir},
 * {@code port}, {@code token}) are left out. Python writes the server's token in clear, and so does this
 * config.
 *
 * @param jupyterServer where the Jupyter server listens
 * @param kernelName the kernelspec to start on the server
 * @param timeout seconds one block may run; at least 1
 * @param outputDir where images and HTML outputs are saved, or null for a temporary directory
 */
@JsonPropertyOrder({"jupyter_server", "kernel_name", "timeout", "output_dir"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DockerJupyterCodeExecutorConfig(JupyterConnectionInfo jupyterServer, String kernelName, int timeout,
        @Nullable String outputDir) {
    @JsonCreator
    static DockerJupyterCodeExecutorConfig fromJson(
            @JsonProperty("jupyter_server") @Nullable JupyterConnectionInfo jupyterServer,
            @JsonProperty("kernel_name") @Nullable String kernelName,
            @JsonProperty("timeout") @Nullable Integer timeout,
            @JsonProperty("output_dir") @Nullable String outputDir) {
        if (jupyterServer == null) {
            throw new IllegalArgumentException("jupyter_server is required: {\"host\": \"127.0.0.1\", \"use_https\":"
                    + " false, \"port\": 8888, \"token\": \"...\"}");
        }
        return new DockerJupyterCodeExecutorConfig(jupyterServer, kernelName == null ? "python3" : kernelName,
                timeout == null ? 60 : timeout, outputDir);
    }

    public DockerJupyterCodeExecutorConfig {
        Objects.requireNonNull(jupyterServer, "jupyterServer");
        Objects.requireNonNull(kernelName, "kernelName");
        if (timeout < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 second, got " + timeout);
        }
    }
}
