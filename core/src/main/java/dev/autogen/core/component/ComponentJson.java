package dev.autogen.core.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** JSON plumbing for components: envelopes, paths, null stripping and readable binding errors. */
final class ComponentJson {
    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'.*", Pattern.DOTALL);

    private ComponentJson() {
    }

    static JsonNode parse(String json, String path) {
        try {
            return AutogenJson.readDocument(json);
        } catch (JsonProcessingException e) {
            throw new ComponentLoadException(new ComponentProblem(path, "invalid JSON" + JsonErrors.syntax(e)), e);
        }
    }

    /** The path label of a root component: its component_type when it names one. */
    static String rootPath(JsonNode node) {
        JsonNode type = node.path("component_type");
        return type.isTextual() && !type.asText().isBlank() ? type.asText() : "component";
    }

    /** Reads a component envelope, reporting every malformed field at once. */
    static ComponentModel envelope(JsonNode node, String path) {
        List<ComponentProblem> problems = new ArrayList<>();
        ComponentModel model = envelope(node, path, problems);
        if (model == null) {
            throw new ComponentLoadException(problems);
        }
        return model;
    }

    static @Nullable ComponentModel envelope(JsonNode node, String path, List<ComponentProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ComponentProblem(path, "expected a component {\"provider\": ..., \"config\": {...}} but found "
                    + describe(node)));
            return null;
        }
        int before = problems.size();
        String provider = null;
        JsonNode p = node.get("provider");
        if (p == null || p.isNull()) {
            problems.add(new ComponentProblem(path + ".provider", "missing required field"));
        } else if (!p.isTextual() || p.asText().isBlank()) {
            problems.add(new ComponentProblem(path + ".provider", "expected a non-empty string but found " + describe(p)));
        } else {
            provider = p.asText();
        }
        String componentType = optionalText(node, "component_type", path, problems);
        Integer version = optionalInt(node, "version", path, problems);
        Integer componentVersion = optionalInt(node, "component_version", path, problems);
        String description = optionalText(node, "description", path, problems);
        String label = optionalText(node, "label", path, problems);
        JsonNode config = node.get("config");
        if (config == null || config.isNull()) {
            problems.add(new ComponentProblem(path + ".config", "missing required field (use {} for no settings)"));
        } else if (!config.isObject()) {
            problems.add(new ComponentProblem(path + ".config", "expected an object but found " + describe(config)));
        }
        if (problems.size() > before || provider == null) {
            return null;
        }
        return new ComponentModel(provider, componentType, version, componentVersion, description, label, (ObjectNode) config);
    }

    private static @Nullable String optionalText(JsonNode node, String field, String path, List<ComponentProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new ComponentProblem(path + "." + field, "expected a string but found " + describe(value)));
            return null;
        }
        return value.asText();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field, String path, List<ComponentProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new ComponentProblem(path + "." + field, "expected an integer but found " + describe(value)));
            return null;
        }
        return value.intValue();
    }

    /** Removes null-valued object fields at every depth, as pydantic's {@code exclude_none} does. */
    static JsonNode stripNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    stripNulls(e.getValue());
                }
            }
            object.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                stripNulls(element);
            }
        }
        return node;
    }

    static String pretty(JsonNode node) {
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        var printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return AutogenJson.mapper().writer(printer).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** "a string", "an object", ... with a short excerpt of scalars, for error messages. */
    static String describe(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case STRING -> "string " + excerpt(node.toString());
            case BOOLEAN -> "boolean " + node.asText();
            case NUMBER -> "number " + node.asText();
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...\"";
    }

    /** The path of the value the parser is at, relative to where parsing began, e.g. {@code .a[1].b}. */
    static String relativePath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.hasCurrentName()) {
                parts.push("." + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    static String relativePath(List<JsonMappingException.Reference> references) {
        return JsonErrors.path(references);
    }

    /** The node at a reference path, or a missing node. */
    static JsonNode at(JsonNode root, List<JsonMappingException.Reference> references) {
        JsonNode node = root;
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                node = node.path(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                node = node.path(ref.getIndex());
            }
        }
        return node;
    }

    /**
     * Turns a Jackson binding failure into problems at JSON paths under {@code basePath}, without
     * Jackson's class names, source locations or reference chains.
     */
    static List<ComponentProblem> bindingProblems(JsonMappingException e, JsonNode bound, String basePath) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ComponentLoadException nested) {
                return nested.problems();
            }
        }
        List<JsonMappingException.Reference> refs = e.getPath();
        String path = basePath + relativePath(refs);
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        var required = REQUIRED_PROPERTY.matcher(original);
        if (required.matches()) {
            return List.of(new ComponentProblem(path + "." + required.group(1), "missing required field"));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (cause instanceof NullPointerException && cause.getMessage() != null && !cause.getMessage().contains(" ")) {
                message = "missing required field '" + cause.getMessage() + "'";
            } else if (cause instanceof NullPointerException) {
                message = "a required value is null (a list entry or a field); remove the null or fill it in";
            }
            return List.of(new ComponentProblem(path, "invalid value: " + message));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            JsonNode found = at(bound, refs);
            if (!found.isMissingNode()) {
                return List.of(new ComponentProblem(path, "expected " + expectedDescription(mismatched.getTargetType())
                        + " but found " + describe(found)));
            }
        }
        return List.of(new ComponentProblem(path, simplify(original)));
    }

    static String simplify(String jacksonMessage) {
        return JsonErrors.simplify(jacksonMessage);
    }

    static String expectedDescription(Class<?> type) {
        return JsonErrors.expected(type);
    }
}
