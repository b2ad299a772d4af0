package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.autogen.core.code_executor.CodeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link JupyterCodeExecutor}: exit code and text output plus the files the code's
 * rich outputs were saved to (PNG images and HTML), as Python's {@code JupyterCodeResult}.
 *
 * @param exitCode {@code 0} on success, {@code 1} when a block raised an error, {@code 124} when a
 *     block ran past the timeout
 * @param output the text outputs of the blocks that ran, joined by newlines
 * <p>JSON: {@code {"exit_code": 0, "output": "...", "output_files": ["/tmp/out/3f...c1.png"]}}.
 *
 * @param outputFiles absolute paths of the saved images and HTML documents, in output order
 */
@JsonDeserialize(as = JupyterCodeResult.class)
public record JupyterCodeResult(int exitCode, String output,
        @JsonSerialize(contentUsing = ToStringSerializer.class) List<Path> outputFiles) implements CodeResult {
    public JupyterCodeResult {
        Objects.requireNonNull(output, "output");
        outputFiles = List.copyOf(outputFiles);
    }
}
