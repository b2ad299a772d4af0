package dev.autogen.ext.tools.semantic_kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.semantickernel.contextvariables.ContextVariable;
import com.microsoft.semantickernel.semanticfunctions.InputVariable;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between AutoGen's JSON tool arguments and schemas and Semantic Kernel's
 * {@link KernelFunctionArguments} and {@link InputVariable}s, shared by the tool adapters and the
 * chat-completion adapter.
 *
 * <p>Semantic Kernel for Java carries arguments as text (the OpenAI service turns every argument of a
 * tool call into a string), so turning them back into JSON needs the parameter's JSON type: a value
 * declared integer, number, boolean, object or array is parsed back; anything else stays a string.
 */
public final class SKArguments {
    private SKArguments() {
    }

    /** The Semantic Kernel input variables describing {@code schema}'s properties (nested schemas are flattened to their type). */
    public static List<InputVariable> inputVariables(@Nullable ParametersSchema schema) {
        List<InputVariable> variables = new ArrayList<>();
        if (schema == null) {
            return variables;
        }
        List<String> required = schema.required() == null ? List.of() : schema.required();
        schema.properties().forEach((name, property) -> {
            String type = skType(property.path("type").asText("string"));
            String description = property.hasNonNull("description") ? property.get("description").asText() : null;
            String defaultValue = property.has("default") && !property.get("default").isNull()
                    ? textOf(property.get("default")) : null;
            List<Object> enumValues = null;
            if (property.path("enum").isArray()) {
                enumValues = new ArrayList<>();
                for (JsonNode value : property.get("enum")) {
                    enumValues.add(textOf(value));
                }
            }
            variables.add(new InputVariable(name, type, description, defaultValue, required.contains(name), enumValues));
        });
        return variables;
    }

    /** The JSON type named by a Semantic Kernel parameter type (a Java class name or a JSON type). */
    public static String jsonType(@Nullable String skType) {
        if (skType == null) {
            return "string";
        }
        return switch (skType.toLowerCase(java.util.Locale.ROOT)) {
            case "java.lang.boolean", "boolean" -> "boolean";
            case "java.lang.integer", "integer", "int", "java.lang.long", "long", "java.lang.short", "short",
                    "java.lang.byte", "byte" -> "integer";
            case "java.lang.double", "double", "java.lang.float", "float", "number" -> "number";
            case "java.lang.string", "string", "char", "java.lang.character" -> "string";
            case "array" -> "array";
            default -> skType.startsWith("java.util.List") || skType.endsWith("[]") ? "array" : "object";
        };
    }

    private static String skType(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "java.lang.Long";
            case "number" -> "java.lang.Double";
            case "boolean" -> "java.lang.Boolean";
            case "array" -> "array";
            case "object" -> "object";
            default -> "java.lang.String";
        };
    }

    /** Semantic Kernel arguments holding {@code json}'s fields as text (objects and arrays as JSON text). */
    public static KernelFunctionArguments toKernelArguments(JsonNode json) {
        KernelFunctionArguments.Builder builder = KernelFunctionArguments.builder();
        json.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                builder.withVariable(e.getKey(), ContextVariable.of(textOf(e.getValue())));
            }
        });
        return builder.build();
    }

    /**
     * A JSON object of {@code arguments}, each value typed by {@code jsonTypes} (parameter name to JSON
     * type); a declared non-string value that does not parse stays the text it was.
     */
    public static ObjectNode toJson(Map<String, ContextVariable<?>> arguments, Map<String, String> jsonTypes) {
        ObjectNode out = AutogenJson.mapper().createObjectNode();
        arguments.forEach((name, variable) -> {
            if (variable == null || variable.getValue() == null) {
                return;
            }
            Object value = variable.getValue();
            String text = value instanceof String s ? s : variable.toPromptString();
            out.set(name, typed(text, value, jsonTypes.getOrDefault(name, "string")));
        });
        return out;
    }

    private static JsonNode typed(String text, Object value, String jsonType) {
        var nodes = AutogenJson.mapper().getNodeFactory();
        if (value instanceof Number || value instanceof Boolean) {
            return AutogenJson.mapper().valueToTree(value);
        }
        if (jsonType.equals("string")) {
            return nodes.textNode(text);
        }
        try {
            JsonNode parsed = AutogenJson.mapper().readTree(text);
            boolean fits = switch (jsonType) {
                case "integer" -> parsed.isIntegralNumber();
                case "number" -> parsed.isNumber();
                case "boolean" -> parsed.isBoolean();
                case "array" -> parsed.isArray();
                case "object" -> parsed.isObject();
                default -> true;
            };
            return fits ? parsed : nodes.textNode(text);
        } catch (Exception e) {
            return nodes.textNode(text);
        }
    }

    private static String textOf(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
