package dev.autogen.studio.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.autogen.core.serialization.AutogenJson;
import io.javalin.http.Context;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reading requests and writing responses the way Python Studio's API does: the
 * {@code {"status": true, "data": ...}} envelope, {@code user_id} as a required query parameter,
 * integer path ids, JSON bodies; anything malformed is a {@link HttpError} 422 in FastAPI's shape.
 */
public final class Api {
    private Api() {
    }

    /** A new JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code {"status": true, "data": data}}, with {@code message} when given. */
    public static ObjectNode ok(@Nullable JsonNode data, @Nullable String message) {
        ObjectNode body = object();
        if (message != null) {
            body.put("message", message);
        }
        body.put("status", true);
        body.set("data", data == null ? JsonNodeFactory.instance.nullNode() : data);
        return body;
    }

    /** Writes {@code body} as the JSON response. */
    public static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    /** Writes the envelope {@code {"status": true, "data": data}}. */
    public static void ok(Context ctx, @Nullable JsonNode data) {
        json(ctx, ok(data, null));
    }

    /** The required query parameter {@code user_id}; 422 when it is missing. */
    public static String userId(Context ctx) {
        String userId = ctx.queryParam("user_id");
        if (userId == null) {
            throw HttpError.invalid("missing", List.of("query", "user_id"), "Field required", null);
        }
        return userId;
    }

    /** The integer path parameter {@code name}; 422 when it is not one. */
    public static long pathId(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw HttpError.invalid("int_parsing", List.of("path", name),
                    "Input should be a valid integer, unable to parse string as an integer", TextNode.valueOf(text));
        }
    }

    /** The request body, which must be a JSON object; 422 otherwise. */
    public static ObjectNode body(Context ctx) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text.isBlank() ? null : AutogenJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            throw HttpError.invalid("json_invalid", List.of("body", offset), "JSON decode error",
                    object().put("error", e.getOriginalMessage()));
        }
        if (node == null) {
            throw HttpError.invalid("missing", List.of("body"), "Field required", null);
        }
        if (!node.isObject()) {
            throw HttpError.invalid("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", node);
        }
        return (ObjectNode) node;
    }

    /** Field {@code name} of {@code body}, which must be present and not null; 422 otherwise. */
    public static JsonNode required(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw HttpError.invalid("missing", List.of("body", name), "Field required", body);
        }
        return value;
    }

    /** Text field {@code name} of {@code body}; 422 when missing or not a string. */
    public static String requiredText(ObjectNode body, String name) {
        JsonNode value = required(body, name);
        if (!value.isTextual()) {
            throw HttpError.invalid("string_type", List.of("body", name), "Input should be a valid string", value);
        }
        return value.asText();
    }

    /** Integer field {@code name} of {@code body}; 422 when missing or not an integer. */
    public static long requiredId(ObjectNode body, String name) {
        JsonNode value = required(body, name);
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw HttpError.invalid("int_parsing", List.of("body", name),
                "Input should be a valid integer, unable to parse string as an integer", value);
    }

    /** Object field {@code name} of {@code body}; 422 when missing or not an object. */
    public static ObjectNode requiredObject(ObjectNode body, String name) {
        JsonNode value = required(body, name);
        if (!value.isObject()) {
            throw HttpError.invalid("model_attributes_type", List.of("body", name),
                    "Input should be a valid dictionary or object to extract fields from", value);
        }
        return (ObjectNode) value;
    }
}
