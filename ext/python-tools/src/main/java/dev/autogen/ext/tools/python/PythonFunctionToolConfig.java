package dev.autogen.ext.tools.python;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link PythonFunctionTool}: Python's {@code FunctionToolConfig} (the first
 * five fields, as Python writes them) plus optional fields of this library for the process the tool
 * runs in, which Python ignores and which are written only when set.
 *
 * @param sourceCode the Python function's source; its first top-level {@code def} is the tool
 * @param name the tool name
 * @param description the tool description, for the model
 * @param globalImports what the source needs imported, as Python writes it: a module name
 *     ({@code "json"}), {@code {"module": "typing", "imports": ["List", {"name": "Dict", "alias": "D"}]}}
 *     or {@code {"name": "numpy", "alias": "np"}}
 * @param hasCancellationSupport whether the function takes a {@code cancellation_token} argument
 * @param python the interpreter; without it {@code AUTOGEN_PYTHON}, else {@code python3} on the PATH
 * @param timeout seconds a call may take before the process is stopped; 60 without it
 * @param env environment variables set for the process
 * @param inheritEnv names of variables of this process's environment passed on ({@code "*"}: all);
 *     without it only {@code PATH}, {@code HOME} and {@code LANG}
 * @param workDir the working directory; without it a temporary directory of its own, deleted on close
 * @param memoryLimitMb the process's address-space limit in MiB, where the OS allows setting one
 */
public record PythonFunctionToolConfig(
        @JsonProperty(required = true) String sourceCode,
        @JsonProperty(required = true) String name,
        @Nullable String description,
        @Nullable List<JsonNode> globalImports,
        boolean hasCancellationSupport,
        @Nullable String python,
        @Nullable Double timeout,
        @Nullable Map<String, String> env,
        @Nullable List<String> inheritEnv,
        @Nullable String workDir,
        @Nullable Integer memoryLimitMb) {

    /** Python's five fields only. */
    public PythonFunctionToolConfig(String sourceCode, String name, @Nullable String description,
            @Nullable List<JsonNode> globalImports, boolean hasCancellationSupport) {
        this(sourceCode, name, description, globalImports, hasCancellationSupport, null, null, null, null, null, null);
    }
}
