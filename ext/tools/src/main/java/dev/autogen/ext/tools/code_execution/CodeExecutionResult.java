package dev.autogen.ext.tools.code_execution;

import java.util.Objects;

/**
 * What {@link PythonCodeExecutionTool} returns, as Python's {@code CodeExecutionResult}. The model
 * sees only {@link #output()}: a failed run is not an error result, its output (a traceback) is
 * what the model needs to fix the code.
 *
 * @param success whether the code exited with status 0
 * @param output what the code printed, or the executor's error text
 */
public record CodeExecutionResult(boolean success, String output) {
    public CodeExecutionResult {
        Objects.requireNonNull(output, "output");
    }
}
