package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link JupyterCodeExecutor}, with Python's field names and defaults:
 * {@code {"kernel_name": "python3", "timeout": 60, "output_dir": null}}. Missing fields take those
 * defaults when read.
 *
 * @param kernelName the name of the kernelspec to start
 * @param timeout seconds one block may run before the kernel is interrupted; at least 1
 * @param outputDir where images and HTML outputs are saved, or {@code null} for a temporary directory
 */
public record JupyterCodeExecutorConfig(String kernelName, int timeout, @Nullable String outputDir) {
    @JsonCreator
    static JupyterCodeExecutorConfig fromJson(
            @JsonProperty("kernel_name") @Nullable String kernelName,
            @JsonProperty("timeout") @Nullable Integer timeout,
            @JsonProperty("output_dir") @Nullable String outputDir) {
        return new JupyterCodeExecutorConfig(kernelName == null ? "python3" : kernelName,
                timeout == null ? 60 : timeout, outputDir);
    }

    public JupyterCodeExecutorConfig {
        Objects.requireNonNull(kernelName, "kernelName");
    }
}
