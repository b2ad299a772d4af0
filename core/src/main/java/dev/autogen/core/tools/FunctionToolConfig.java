package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config Python writes for its {@code FunctionTool}: the tool's Python source code.
 * Java reads it only to report, precisely, that such a tool cannot be loaded here.
 *
 * @param sourceCode the Python function's source
 * @param name the tool name
 * @param description the tool description
 * @param globalImports imports the source needs
 * @param hasCancellationSupport whether the function takes a cancellation token
 */
public record FunctionToolConfig(
        @JsonProperty(required = true) String sourceCode,
        @Nullable String name,
        @Nullable String description,
        @Nullable List<JsonNode> globalImports,
        boolean hasCancellationSupport) {
}
