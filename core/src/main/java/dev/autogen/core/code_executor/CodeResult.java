package dev.autogen.core.code_executor;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Objects;

/**
 * The result of running code blocks: the exit code of the last block that ran and the output of
 * all of them. Exit code {@code 0} means every block succeeded. Executors may return a richer
 * result, e.g. {@link CommandLineCodeResult} with the file that was run.
 *
 * <p>JSON as Python writes it: {@code {"exit_code": 0, "output": "..."}}.
 */
@JsonDeserialize(as = CodeResult.Plain.class)
public interface CodeResult {
    /** The exit code; {@code 0} on success. */
    int exitCode();

    /** The combined output of the blocks that ran. */
    String output();

    /** A result with just an exit code and output, as Python's {@code CodeResult(exit_code, output)}. */
    static CodeResult of(int exitCode, String output) {
        return new Plain(exitCode, output);
    }

    /**
     * The plain result made by {@link #of}.
     *
     * @param exitCode the exit code; {@code 0} on success
     * @param output the combined output
     */
    record Plain(int exitCode, String output) implements CodeResult {
        public Plain {
            Objects.requireNonNull(output, "output");
        }
    }
}
