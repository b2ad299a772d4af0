package dev.autogen.ext.tools.code_execution;

import dev.autogen.core.tools.annotation.ToolParam;
import java.util.Objects;

/**
 * The arguments of {@link PythonCodeExecutionTool}, as Python's {@code CodeExecutionInput}.
 *
 * @param code the Python code to run
 */
public record CodeExecutionInput(@ToolParam("The contents of the Python code block that should be executed") String code) {
    public CodeExecutionInput {
        Objects.requireNonNull(code, "code");
    }
}
