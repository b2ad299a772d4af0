package dev.autogen.ext.code_executors.docker_jupyter;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.autogen.core.code_executor.CodeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link DockerJupyterCodeExecutor}, as Python's {@code DockerJupyterCodeResult}:
 * JSON {@code {"exit_code": 0, "output": "...", "output_files": ["/tmp/out/3f...c1.png"]}}.
 *
 * @param exitCode {@code 0} on success, {@code 1} when a block raised, timed out or the kernel was not ready
 * @param output the outputs of the blocks that ran, joined by newlines (saved files appear as their paths)
 * @param outputFiles the PNG images and HTML documents saved to the output directory, in output order
 */
@JsonDeserialize(as = DockerJupyterCodeResult.class)
public record DockerJupyterCodeResult(int exitCode, String output,
        @JsonSerialize(contentUsing = ToStringSerializer.class) List<Path> outputFiles) implements CodeResult {
    public DockerJupyterCodeResult {
        Objects.requireNonNull(output, "output");
        outputFiles = List.copyOf(outputFiles);
    }
}
