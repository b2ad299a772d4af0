package dev.autogen.core.code_executor;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a command-line executor: exit code and output plus the file the first block was
 * written to, as Python's {@code CommandLineCodeResult}. JSON:
 * {@code {"exit_code": 0, "output": "...", "code_file": "/work/tmp_code_ab12.py"}}.
 *
 * @param exitCode the exit code of the last block that ran; {@code 0} on success, {@code 124} on
 *     timeout
 * @param output stderr then stdout of each block that ran, in order
 * @param codeFile the absolute path of the file of the first block, or {@code null} when no block
 *     was written (e.g. an unknown language or a file name outside the working directory)
 */
public record CommandLineCodeResult(int exitCode, String output, @Nullable String codeFile) implements CodeResult {
    public CommandLineCodeResult {
        Objects.requireNonNull(output, "output");
    }
}
