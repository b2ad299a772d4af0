package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a model is told about a tool, in the format of Python's {@code ToolSchema}:
 * <pre>{@code
 * {"name": "web_search_func", "description": "Find information on the web",
 *  "parameters": {"type": "object",
 *                 "properties": {"query": {"description": "query", "title": "Query", "type": "string"}},
 *                 "required": ["query"], "additionalProperties": false},
 *  "strict": false}
 * }</pre>
 *
 * @param name the tool name the model uses to call it
 * @param description what the tool does; null if none
 * @param parameters the argument schema; null for a tool without arguments description
 * @param strict whether the model must follow the schema exactly (structured outputs); null if unstated
 */
@JsonPropertyOrder({"name", "description", "parameters", "strict"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolSchema(
        String name, @Nullable String description, @Nullable ParametersSchema parameters, @Nullable Boolean strict) {

    public ToolSchema {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool name must not be blank");
        }
    }

    /** A copy with another name and description, for workbench overrides. */
    public ToolSchema withNameAndDescription(String newName, @Nullable String newDescription) {
        return new ToolSchema(newName, newDescription, parameters, strict);
    }
}
