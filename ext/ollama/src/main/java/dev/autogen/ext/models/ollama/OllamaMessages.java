package dev.autogen.ext.models.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns AutoGen messages and tools into {@code /api/chat} JSON, as Python's client does: each text
 * part of a user message is its own message and images ride on the preceding one (base64 in
 * {@code images}); tool results are {@code tool} messages; function calls are {@code tool_calls}
 * whose arguments are JSON objects.
 */
final class OllamaMessages {
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    private OllamaMessages() {
    }

    static ArrayNode convert(List<LLMMessage> messages) {
        ArrayNode result = JSON.createArrayNode();
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> result.addObject().put("role", "system").put("content", s.content());
                case UserMessage u -> user(u, result);
                case AssistantMessage a -> result.add(assistant(a));
                case FunctionExecutionResultMessage f -> {
                    for (FunctionExecutionResult r : f.content()) {
                        result.addObject().put("role", "tool").put("content", r.content()).put("tool_name", r.name());
                    }
                }
            }
        }
        return result;
    }

    private static void user(UserMessage message, ArrayNode out) {
        assertValidName(message.source(), "UserMessage.source");
        switch (message.content()) {
            case UserContent.Text t -> out.addObject().put("role", "user").put("content", t.text());
            case UserContent.Multi m -> {
                ObjectNode last = null;
                for (Object part : m.parts()) {
                    if (part instanceof String s) {
                        last = out.addObject().put("role", "user").put("content", s);
                    } else if (part instanceof Image image) {
                        if (last == null) {
                            last = out.addObject().put("role", "user");
                        }
                        ArrayNode images = last.has("images") ? (ArrayNode) last.get("images") : last.putArray("images");
                        images.add(image.toBase64());
                    }
                }
            }
        }
    }

    private static ObjectNode assistant(AssistantMessage message) {
        assertValidName(message.source(), "AssistantMessage.source");
        ObjectNode node = JSON.createObjectNode().put("role", "assistant");
        switch (message.content()) {
            case ModelContent.Text t -> node.put("content", t.text());
            case ModelContent.FunctionCalls calls -> {
                if (message.thought() != null) {
                    node.put("thinking", message.thought());
                }
                ArrayNode toolCalls = node.putArray("tool_calls");
                for (FunctionCall call : calls.calls()) {
                    toolCalls.addObject().putObject("function").put("name", call.name())
                            .set("arguments", arguments(call));
                }
            }
        }
        return node;
    }

    private static JsonNode arguments(FunctionCall call) {
        if (call.arguments().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode parsed = JSON.readTree(call.arguments());
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("function call '" + call.name() + "' (id " + call.id()
                + ") has arguments that are not a JSON object, which Ollama requires: " + call.arguments());
    }

    /** Tools as Ollama wants them: {@code {"type": "function", "function": {"name", "description", "parameters"}}}. */
    static ArrayNode tools(List<ToolSchema> tools) {
        ArrayNode result = JSON.createArrayNode();
        for (ToolSchema tool : tools) {
            assertValidName(tool.name(), "tool name");
            ObjectNode function = result.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description() == null ? "" : tool.description());
            ObjectNode parameters = function.putObject("parameters").put("type", "object");
            ObjectNode properties = parameters.putObject("properties");
            ParametersSchema schema = tool.parameters();
            if (schema != null) {
                schema.properties().forEach(properties::set);
                if (schema.required() != null) {
                    ArrayNode required = parameters.putArray("required");
                    schema.required().forEach(required::add);
                }
            }
        }
        return result;
    }

    /**
     * Checks a name the server will see, as Python's {@code assert_valid_name}.
     *
     * @throws IllegalArgumentException naming the culprit
     */
    static String assertValidName(String name, String what) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid name: " + name + ". Only letters, numbers, '_' and '-' are"
                    + " allowed (" + what + ").");
        }
        if (name.length() > 64) {
            throw new IllegalArgumentException("Invalid name: " + name + ". Name must be less than 64 characters ("
                    + what + ").");
        }
        return name;
    }

    /** A model-written tool name made safe, as Python's {@code normalize_name}. */
    static String normalizeName(String name) {
        String replaced = INVALID_NAME_CHARS.matcher(name).replaceAll("_");
        return replaced.length() > 64 ? replaced.substring(0, 64) : replaced;
    }
}
