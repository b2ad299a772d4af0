package dev.autogen.ext.code_executors.jupyter;

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
 * @param outputFiles absolute paths of the saved images and HTML documents, in output order
 */
public record JupyterCodeResult(int exitCode, String output, List<Path> outputFiles) implements CodeResult {
    public JupyterCodeResult {
        Objects.requireNonNull(output, "output");
        outputFiles = List.copyOf(outputFiles);
    }
}
