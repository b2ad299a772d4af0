package dev.autogen.ext.agents.web_surfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.FunctionCall;

/** Reads the arguments of a tool call, with errors that name the tool and the argument. */
final class ToolArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolArguments() {
    }

    static JsonNode parse(FunctionCall call) {
        try {
            JsonNode node = JSON.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
            if (!node.isObject()) {
                throw new WebSurferException("the arguments of tool '" + call.name() + "' must be a JSON object, got "
                        + call.arguments());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new WebSurferException("the arguments of tool '" + call.name() + "' are not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    static String text(JsonNode args, String tool, String name) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new WebSurferException("tool '" + tool + "' needs the argument '" + name + "' (a string)");
        }
        return value.asText();
    }

    static String id(JsonNode args, String tool, String name) {
        JsonNode value = args.get(name);
        if (value != null && value.isIntegralNumber()) {
            return value.asText();
        }
        if (value != null && value.isTextual() && value.asText().strip().matches("\\d+")) {
            return value.asText().strip();
        }
        throw new WebSurferException("tool '" + tool + "' needs the argument '" + name
                + "' (the number of an element on the screenshot), got " + (value == null ? "nothing" : value));
    }
}
