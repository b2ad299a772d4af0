package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts AutoGen's messages, tools and output settings to the JSON of OpenAI's chat-completions
 * request, as Python's {@code to_oai_type}, {@code convert_tools} and the json_output handling do.
 */
final class OpenAIMessages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    private OpenAIMessages() {
    }

    /** The wire messages for {@code messages}; a tool-result message becomes one message per result. */
    static ArrayNode toOpenAI(List<LLMMessage> messages, boolean prependName, boolean includeName) {
        ArrayNode out = JSON.arrayNode();
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> out.add(JSON.objectNode().put("content", s.content()).put("role", "system"));
                case UserMessage u -> out.add(user(u, prependName, includeName));
                case AssistantMessage a -> out.add(assistant(a, includeName));
                case FunctionExecutionResultMessage f -> {
                    for (FunctionExecutionResult r : f.content()) {
                        out.add(JSON.objectNode().put("content", r.content()).put("role", "tool")
                                .put("tool_call_id", r.callId()));
                    }
                }
            }
        }
        return out;
    }

    private static ObjectNode user(UserMessage message, boolean prependName, boolean includeName) {
        String prefix = prependName ? message.source() + " said:\n" : "";
        ObjectNode out = JSON.objectNode();
        switch (message.content()) {
            case UserContent.Text t -> out.put("content", prefix + t.text());
            case UserContent.Multi multi -> {
                ArrayNode parts = out.putArray("content");
                for (Object part : multi.parts()) {
                    if (part instanceof Image image) {
                        ObjectNode imagePart = parts.addObject().put("type", "image_url");
                        imagePart.putObject("image_url").put("url", image.toDataUri()).put("detail", "auto");
                    } else {
                        parts.addObject().put("text", prefix + part).put("type", "text");
                        prefix = "";
                    }
                }
            }
        }
        out.put("role", "user");
        if (includeName) {
            out.put("name", assertValidName(message.source()));
        }
        return out;
    }

    private static ObjectNode assistant(AssistantMessage message, boolean includeName) {
        ObjectNode out = JSON.objectNode();
        switch (message.content()) {
            case ModelContent.Text t -> out.put("content", t.text());
            case ModelContent.FunctionCalls calls -> {
                if (message.thought() != null) {
                    out.put("content", message.thought());
                }
                ArrayNode toolCalls = out.putArray("tool_calls");
                for (FunctionCall call : calls.calls()) {
                    ObjectNode toolCall = toolCalls.addObject().put("id", call.id());
                    toolCall.putObject("function").put("arguments", call.arguments()).put("name", call.name());
                    toolCall.put("type", "function");
                }
            }
        }
        out.put("role", "assistant");
        if (includeName) {
            out.put("name", assertValidName(message.source()));
        }
        return out;
    }

    /** The {@code tools} array. */
    static ArrayNode tools(List<ToolSchema> tools) {
        ArrayNode out = JSON.arrayNode();
        for (ToolSchema tool : tools) {
            assertValidName(tool.name());
            ObjectNode function = JSON.objectNode().put("name", tool.name())
                    .put("description", tool.description() == null ? "" : tool.description());
            function.set("parameters", tool.parameters() == null ? JSON.objectNode()
                    : dev.autogen.core.serialization.AutogenJson.mapper().valueToTree(tool.parameters()));
            function.put("strict", Boolean.TRUE.equals(tool.strict()));
            out.addObject().put("type", "function").set("function", function);
        }
        return out;
    }

    /** The {@code tool_choice} value. */
    static JsonNode toolChoice(ToolChoice choice) {
        return switch (choice) {
            case ToolChoice.Mode mode -> JSON.textNode(mode.value());
            case ToolChoice.Named named -> {
                ObjectNode out = JSON.objectNode().put("type", "function");
                out.putObject("function").put("name", named.name());
                yield out;
            }
        };
    }

    /** The {@code response_format} value for a request's JSON output setting. */
    static ObjectNode responseFormat(JsonOutput output) {
        return switch (output) {
            case JsonOutput.Mode mode -> JSON.objectNode().put("type", mode.enabled() ? "json_object" : "text");
            case JsonOutput.Structured structured -> jsonSchemaFormat(structured.name(), structured.schema());
        };
    }

    /**
     * A strict {@code json_schema} response format, as openai-python makes of a pydantic model:
     * every object closed with {@code additionalProperties: false} and all its properties required.
     */
    static ObjectNode jsonSchemaFormat(String name, ObjectNode schema) {
        ObjectNode strictSchema = schema.deepCopy();
        makeStrict(strictSchema);
        ObjectNode out = JSON.objectNode().put("type", "json_schema");
        out.putObject("json_schema").put("name", normalizeName(name)).put("strict", true).set("schema", strictSchema);
        return out;
    }

    private static void makeStrict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("properties") instanceof ObjectNode properties) {
                object.put("additionalProperties", false);
                ArrayNode required = object.putArray("required");
                properties.fieldNames().forEachRemaining(required::add);
            }
        }
        node.forEach(OpenAIMessages::makeStrict);
    }

    /**
     * Checks a name the user configured (agent or tool name) as Python's {@code assert_valid_name}.
     *
     * @throws IllegalArgumentException if it has characters other than letters, digits, {@code _}
     *     and {@code -}, or is longer than 64
     */
    static String assertValidName(String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid name: " + name + ". Only letters, numbers, '_' and '-' are allowed.");
        }
        if (name.length() > 64) {
            throw new IllegalArgumentException("Invalid name: " + name + ". Name must be less than 64 characters.");
        }
        return name;
    }

    /** Replaces characters a model should not have used in a tool name, as Python's {@code normalize_name}. */
    static String normalizeName(String name) {
        String replaced = INVALID_NAME_CHARS.matcher(name).replaceAll("_");
        return replaced.length() > 64 ? replaced.substring(0, 64) : replaced;
    }

    /**
     * Merges the system messages into one at the start, for models that accept only one (Gemini),
     * as Python does when {@code multiple_system_messages} is false.
     *
     * @throws IllegalArgumentException if the system messages are not consecutive
     */
    static List<LLMMessage> mergeSystemMessages(List<LLMMessage> messages) {
        var content = new StringBuilder();
        List<LLMMessage> others = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage s) {
                if (first == -1) {
                    first = i;
                } else if (last + 1 != i) {
                    throw new IllegalArgumentException("Multiple and Not continuous system messages are not supported"
                            + " if model_info['multiple_system_messages'] is False");
                }
                content.append(s.content()).append('\n');
                last = i;
            } else {
                others.add(messages.get(i));
            }
        }
        String merged = content.toString().stripTrailing();
        if (merged.isEmpty()) {
            return messages;
        }
        List<LLMMessage> out = new ArrayList<>();
        out.add(new SystemMessage(merged));
        out.addAll(others);
        return out;
    }
}
