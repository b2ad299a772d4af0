package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON schema of a tool's arguments, always an object:
 * {@code {"type": "object", "properties": {...}, "required": [...], "additionalProperties": false}}.
 *
 * @param type always {@code "object"}
 * @param properties one JSON schema per argument, in declaration order
 * @param required the names of the arguments that must be given
 * @param additionalProperties whether arguments beyond {@code properties} are allowed; null if unstated
 */
@JsonPropertyOrder({"type", "properties", "required", "additionalProperties"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParametersSchema(
        String type,
        Map<String, JsonNode> properties,
        @Nullable List<String> required,
        @JsonProperty("additionalProperties") @Nullable Boolean additionalProperties) {

    public ParametersSchema {
        Objects.requireNonNull(type, "type");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties")));
        required = required == null ? null : List.copyOf(required);
    }

    /** An object schema with the given properties and required names, and no additional properties. */
    public static ParametersSchema of(Map<String, JsonNode> properties, List<String> required) {
        return new ParametersSchema("object", properties, required, false);
    }
}
