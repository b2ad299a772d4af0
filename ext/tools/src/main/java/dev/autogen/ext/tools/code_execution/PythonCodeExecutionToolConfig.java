package dev.autogen.ext.tools.code_execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link PythonCodeExecutionTool}, as Python's
 * {@code PythonCodeExecutionToolConfig}: {@code {"executor": {<code executor component>},
 * "description": "Execute Python code blocks."}}.
 *
 * @param executor the code executor's component model
 * @param description the tool description; Python's default when absent
 */
public record PythonCodeExecutionToolConfig(ComponentModel executor, String description) {
    public PythonCodeExecutionToolConfig {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(description, "description");
    }

    @JsonCreator
    static PythonCodeExecutionToolConfig fromJson(
            @JsonProperty(value = "executor", required = true) ComponentModel executor,
            @JsonProperty("description") @Nullable String description) {
        return new PythonCodeExecutionToolConfig(executor,
                description == null ? PythonCodeExecutionTool.DEFAULT_DESCRIPTION : description);
    }
}
