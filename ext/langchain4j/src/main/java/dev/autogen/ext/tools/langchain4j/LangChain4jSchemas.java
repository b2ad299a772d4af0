package dev.autogen.ext.tools.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns LangChain4j's schema objects into the JSON schemas AutoGen sends to models:
 * {@link JsonObjectSchema} becomes {@code {"type": "object", "properties": ..., "required": ...}},
 * definitions become {@code $defs} and references {@code {"$ref": "#/$defs/<name>"}} (as
 * LangChain4j's own model integrations write them), and so on for every element type.
 *
 * <!-- java-context: import dev.langchain4j.agent.tool.ToolSpecifications; import java.lang.reflect.Method;
 *      Method method; -->
 * <pre>{@code
 * ToolSchema schema = LangChain4jSchemas.toolSchema(ToolSpecifications.toolSpecificationFrom(method));
 * }</pre>
 */
public final class LangChain4jSchemas {
    private LangChain4jSchemas() {
    }

    /**
     * The AutoGen schema of a LangChain4j tool: its name, description (empty when none), parameters
     * (no additional properties unless the specification allows them) and strict flag (false
     * when unset).
     *
     * @throws IllegalArgumentException for a schema element type this adapter does not know
     */
    public static ToolSchema toolSchema(ToolSpecification specification) {
        JsonObjectSchema parameters = specification.parameters();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        List<String> required = List.of();
        Boolean additional = false;
        if (parameters != null) {
            String where = "tool '" + specification.name() + "'";
            parameters.properties().forEach((name, element) -> properties.put(name, toJson(element, where + " parameter '" + name + "'")));
            required = parameters.required() == null ? List.of() : parameters.required();
            additional = parameters.additionalProperties() != null ? parameters.additionalProperties() : false;
        }
        ParametersSchema schema = new ParametersSchema("object", properties, required, additional);
        if (parameters != null && parameters.definitions() != null && !parameters.definitions().isEmpty()) {
            // ParametersSchema has no place for $defs: inline them where referenced.
            schema = new ParametersSchema("object", inlineReferences(properties, definitions(parameters)), required, additional);
        }
        String description = specification.description() == null ? "" : specification.description();
        return new ToolSchema(specification.name(), description, schema,
                specification.strict() != null ? specification.strict() : false);
    }

    /**
     * The JSON schema of one element.
     *
     * @throws IllegalArgumentException for an element type this adapter does not know
     */
    public static ObjectNode toJson(JsonSchemaElement element) {
        return toJson(element, "schema");
    }

    private static ObjectNode toJson(JsonSchemaElement element, String where) {
        ObjectNode node = AutogenJson.mapper().createObjectNode();
        switch (element) {
            case JsonObjectSchema o -> {
                node.put("type", "object");
                describe(node, o.description());
                ObjectNode properties = node.putObject("properties");
                if (o.properties() != null) {
                    o.properties().forEach((name, child) -> properties.set(name, toJson(child, where + "." + name)));
                }
                if (o.required() != null && !o.required().isEmpty()) {
                    ArrayNode required = node.putArray("required");
                    o.required().forEach(required::add);
                }
                if (o.additionalProperties() != null) {
                    node.put("additionalProperties", o.additionalProperties());
                }
                if (o.definitions() != null && !o.definitions().isEmpty()) {
                    ObjectNode defs = node.putObject("$defs");
                    o.definitions().forEach((name, child) -> defs.set(name, toJson(child, where + ".$defs." + name)));
                }
            }
            case JsonStringSchema s -> typed(node, "string", s.description());
            case JsonIntegerSchema i -> typed(node, "integer", i.description());
            case JsonNumberSchema n -> typed(node, "number", n.description());
            case JsonBooleanSchema b -> typed(node, "boolean", b.description());
            case JsonNullSchema n -> typed(node, "null", n.description());
            case JsonEnumSchema e -> {
                typed(node, "string", e.description());
                ArrayNode values = node.putArray("enum");
                e.enumValues().forEach(values::add);
            }
            case JsonArraySchema a -> {
                typed(node, "array", a.description());
                if (a.items() != null) {
                    node.set("items", toJson(a.items(), where + "[]"));
                }
            }
            case JsonAnyOfSchema a -> {
                describe(node, a.description());
                ArrayNode anyOf = node.putArray("anyOf");
                a.anyOf().forEach(option -> anyOf.add(toJson(option, where)));
            }
            case JsonReferenceSchema r -> {
                node.put("$ref", "#/$defs/" + r.reference());
                describe(node, r.description());
            }
            case JsonRawSchema r -> {
                try {
                    if (AutogenJson.mapper().readTree(r.schema()) instanceof ObjectNode raw) {
                        return raw;
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(where + ": raw JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
                }
                throw new IllegalArgumentException(where + ": raw JSON schema must be a JSON object, got " + r.schema());
            }
            default -> throw new IllegalArgumentException(where + ": unsupported LangChain4j schema element "
                    + element.getClass().getName() + "; describe it with a JsonRawSchema instead");
        }
        return node;
    }

    private static void typed(ObjectNode node, String type, @Nullable String description) {
        node.put("type", type);
        describe(node, description);
    }

    private static void describe(ObjectNode node, @Nullable String description) {
        if (description != null) {
            node.put("description", description);
        }
    }

    private static Map<String, JsonNode> definitions(JsonObjectSchema parameters) {
        Map<String, JsonNode> defs = new LinkedHashMap<>();
        parameters.definitions().forEach((name, element) -> defs.put(name, toJson(element, "definition '" + name + "'")));
        return defs;
    }

    /**
     * Replaces {@code {"$ref": "#/$defs/x"}} by the definition of x. A recursive definition keeps
     * its reference below the first level, where the model sees it as a free-form object.
     */
    private static Map<String, JsonNode> inlineReferences(Map<String, JsonNode> properties, Map<String, JsonNode> defs) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        properties.forEach((name, schema) -> result.put(name, inline(schema, defs, new java.util.HashSet<>())));
        return result;
    }

    private static JsonNode inline(JsonNode node, Map<String, JsonNode> defs, java.util.Set<String> expanding) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
                String name = ref.asText().substring("#/$defs/".length());
                JsonNode target = defs.get(name);
                if (target != null && expanding.add(name)) {
                    ObjectNode copy = (ObjectNode) inline(target.deepCopy(), defs, expanding);
                    expanding.remove(name);
                    if (object.has("description")) {
                        copy.set("description", object.get("description"));
                    }
                    return copy;
                }
                ObjectNode free = AutogenJson.mapper().createObjectNode().put("type", "object");
                if (object.has("description")) {
                    free.set("description", object.get("description"));
                }
                return free;
            }
            ObjectNode copy = AutogenJson.mapper().createObjectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue(), defs, expanding)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = AutogenJson.mapper().createArrayNode();
            array.forEach(item -> copy.add(inline(item, defs, expanding)));
            return copy;
        }
        return node;
    }
}
