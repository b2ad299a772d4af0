package dev.autogen.ext.tools.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolArgumentsException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks an {@link HttpTool}'s arguments and places them in the path, the query or the body. */
final class HttpArguments {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]*)}");

    private HttpArguments() {
    }

    /**
     * Checks that {@code args} is an object with every required argument, and that each argument
     * with a declared primitive {@code type} has a JSON value of that type. Deeper constraints
     * (formats, ranges, nested objects) are left to the server.
     *
     * @throws ToolArgumentsException naming the tool and the argument
     */
    static ObjectNode check(String tool, @Nullable ParametersSchema schema, JsonNode args) {
        if (!(args instanceof ObjectNode object)) {
            throw new ToolArgumentsException("invalid arguments for tool '" + tool + "': expected a JSON object, got "
                    + args.getNodeType().name().toLowerCase() + " " + args);
        }
        if (schema == null) {
            return object;
        }
        for (String name : schema.required() == null ? List.<String>of() : schema.required()) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                throw new ToolArgumentsException("missing required argument '" + name + "' for tool '" + tool + "'"
                        + (value == null ? "" : " (it was null)") + "; given: " + object);
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.properties().entrySet()) {
            JsonNode value = object.get(property.getKey());
            JsonNode type = property.getValue().get("type");
            if (value == null || value.isNull() || type == null || !type.isTextual() || fits(value, type.asText())) {
                continue;
            }
            throw new ToolArgumentsException("invalid argument '" + property.getKey() + "' for tool '" + tool
                    + "': expected " + type.asText() + ", got " + value.getNodeType().name().toLowerCase() + " " + value);
        }
        return object;
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    /**
     * The path with each {@code {param}} replaced by its argument, encoded as one path segment
     * (so a {@code /} in a value cannot change the route).
     *
     * @throws ToolArgumentsException if a path parameter has no value
     */
    static String fillPath(String tool, String path, Map<String, JsonNode> values) {
        Matcher m = PATH_PARAM.matcher(path);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            JsonNode value = values.get(m.group(1));
            if (value == null || value.isNull()) {
                throw new ToolArgumentsException("missing path argument '" + m.group(1) + "' for tool '" + tool
                        + "' (path " + path + ")");
            }
            m.appendReplacement(result, Matcher.quoteReplacement(encode(text(value)).replace("+", "%20")));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** The URL; query arguments are form-encoded, arrays as repeated keys, objects as JSON text. */
    static URI uri(String scheme, String host, int port, String encodedPath, Map<String, JsonNode> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((key, value) -> {
            if (value.isNull()) {
                return;
            }
            if (value.isArray()) {
                value.forEach(item -> pairs.add(encode(key) + "=" + encode(text(item))));
            } else {
                pairs.add(encode(key) + "=" + encode(text(value)));
            }
        });
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        return URI.create(scheme + "://" + authority + encodedPath + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)));
    }

    /** The JSON body for the arguments. */
    static String jsonBody(Map<String, JsonNode> body) {
        try {
            return AutogenJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON body: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
