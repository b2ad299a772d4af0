package dev.autogen.ext.models.anthropic;

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
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns AutoGen messages, tools and tool choices into the Messages API's JSON, following Python's
 * conversion: system messages go to the top-level {@code system} field, tool results become
 * {@code tool_result} blocks of a user message, consecutive messages of one role are merged (the
 * API wants the roles to alternate), and blank text becomes a single space (the API rejects empty text).
 */
final class AnthropicMessages {
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    /** The converted conversation: the system prompt (null if none) and the messages. */
    record Converted(@Nullable String system, ArrayNode messages) {
    }

    private AnthropicMessages() {
    }

    static Converted convert(List<LLMMessage> input) {
        List<LLMMessage> messages = rstripLastAssistantMessage(mergeSystemMessages(input));
        String system = null;
        List<ObjectNode> wire = new ArrayList<>();
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> {
                    if (system != null) {
                        throw new IllegalArgumentException("Multiple system messages are not supported");
                    }
                    system = whitespaceIfBlank(s.content());
                }
                case UserMessage u -> wire.add(user(u));
                case AssistantMessage a -> wire.add(assistant(a));
                case FunctionExecutionResultMessage f -> wire.add(toolResults(f));
            }
        }
        return new Converted(system, mergeConsecutiveRoles(wire));
    }

    /**
     * Merges runs of consecutive system messages into one (joined by newlines), placed where the run
     * started, as Python does.
     *
     * @throws IllegalArgumentException if system messages appear in two separate runs
     */
    static List<LLMMessage> mergeSystemMessages(List<LLMMessage> messages) {
        List<LLMMessage> result = new ArrayList<>();
        var systemText = new StringBuilder();
        int first = -1;
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage s) {
                if (first == -1) {
                    first = i;
                } else if (last + 1 != i) {
                    throw new IllegalArgumentException("Multiple and Not continuous system messages are not supported:"
                            + " system messages at positions " + last + " and " + i + " are separated by other messages");
                }
                systemText.append(s.content()).append('\n');
                last = i;
            } else {
                result.add(messages.get(i));
            }
        }
        String merged = systemText.toString().stripTrailing();
        if (!merged.isEmpty()) {
            result.add(first, new SystemMessage(merged));
        }
        return result;
    }

    /** Claude rejects a final assistant message that ends with whitespace. */
    static List<LLMMessage> rstripLastAssistantMessage(List<LLMMessage> messages) {
        if (!messages.isEmpty() && messages.getLast() instanceof AssistantMessage a
                && a.content() instanceof ModelContent.Text t) {
            List<LLMMessage> copy = new ArrayList<>(messages);
            copy.set(copy.size() - 1, new AssistantMessage(new ModelContent.Text(t.text().stripTrailing()), a.thought(),
                    a.source()));
            return copy;
        }
        return messages;
    }

    private static ObjectNode user(UserMessage message) {
        assertValidName(message.source(), "UserMessage.source");
        ObjectNode node = JSON.createObjectNode().put("role", "user");
        switch (message.content()) {
            case UserContent.Text t -> node.put("content", whitespaceIfBlank(t.text()));
            case UserContent.Multi m -> {
                ArrayNode blocks = node.putArray("content");
                for (Object part : m.parts()) {
                    if (part instanceof String s) {
                        blocks.addObject().put("type", "text").put("text", whitespaceIfBlank(s));
                    } else if (part instanceof Image image) {
                        ObjectNode source = blocks.addObject().put("type", "image").putObject("source");
                        source.put("type", "base64").put("media_type", image.mimeType()).put("data", image.toBase64());
                    }
                }
            }
        }
        return node;
    }

    private static ObjectNode assistant(AssistantMessage message) {
        assertValidName(message.source(), "AssistantMessage.source");
        ObjectNode node = JSON.createObjectNode().put("role", "assistant");
        switch (message.content()) {
            case ModelContent.Text t -> node.put("content", t.text());
            case ModelContent.FunctionCalls calls -> {
                ArrayNode blocks = node.putArray("content");
                if (message.thought() != null) {
                    blocks.addObject().put("type", "text").put("text", message.thought());
                }
                for (FunctionCall call : calls.calls()) {
                    blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                            .set("input", toolInput(call.arguments()));
                }
            }
        }
        return node;
    }

    /** The call's arguments as a JSON object; text that is not a JSON object is wrapped as {@code {"text": ...}}. */
    private static JsonNode toolInput(String arguments) {
        if (arguments.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode parsed = JSON.readTree(arguments);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // not JSON: wrapped below, as Python does
        }
        return JSON.createObjectNode().put("text", arguments);
    }

    private static ObjectNode toolResults(FunctionExecutionResultMessage message) {
        ObjectNode node = JSON.createObjectNode().put("role", "user");
        ArrayNode blocks = node.putArray("content");
        for (FunctionExecutionResult result : message.content()) {
            ObjectNode block = blocks.addObject().put("type", "tool_result").put("tool_use_id", result.callId())
                    .put("content", result.content());
            if (result.failed()) {
                block.put("is_error", true);
            }
        }
        return node;
    }

    /** Consecutive messages of one role become one message whose content blocks are concatenated. */
    static ArrayNode mergeConsecutiveRoles(List<ObjectNode> messages) {
        ArrayNode merged = JSON.createArrayNode();
        ObjectNode previous = null;
        for (ObjectNode message : messages) {
            if (previous != null && previous.path("role").equals(message.path("role"))) {
                ArrayNode blocks = asBlocks(previous.get("content"));
                blocks.addAll(asBlocks(message.get("content")));
                previous.set("content", blocks);
            } else {
                merged.add(message);
                previous = message;
            }
        }
        return merged;
    }

    private static ArrayNode asBlocks(JsonNode content) {
        if (content.isArray()) {
            return ((ArrayNode) content).deepCopy();
        }
        ArrayNode blocks = JSON.createArrayNode();
        blocks.addObject().put("type", "text").put("text", content.asText());
        return blocks;
    }

    /** Tools as the API wants them: {@code {"name", "description", "input_schema"}}. */
    static ArrayNode tools(List<ToolSchema> tools) {
        ArrayNode result = JSON.createArrayNode();
        for (ToolSchema tool : tools) {
            assertValidName(tool.name(), "tool name");
            ObjectNode schema = JSON.createObjectNode();
            ParametersSchema parameters = tool.parameters();
            if (parameters != null) {
                schema.put("type", parameters.type());
                ObjectNode properties = schema.putObject("properties");
                parameters.properties().forEach(properties::set);
                if (parameters.required() != null) {
                    ArrayNode required = schema.putArray("required");
                    parameters.required().forEach(required::add);
                }
            } else {
                schema.put("type", "object").putObject("properties");
            }
            result.addObject().put("name", tool.name())
                    .put("description", tool.description() == null ? "" : tool.description())
                    .set("input_schema", schema);
        }
        return result;
    }

    /** The {@code tool_choice} object: auto, any (for required), none, or a named tool. */
    static ObjectNode toolChoice(ToolChoice choice) {
        ObjectNode node = JSON.createObjectNode();
        return switch (choice) {
            case ToolChoice.Named named -> node.put("type", "tool").put("name", named.name());
            case ToolChoice.Mode mode -> node.put("type", switch (mode.value()) {
                case "required" -> "any";
                case "none" -> "none";
                default -> "auto";
            });
        };
    }

    static String whitespaceIfBlank(String text) {
        return text.isBlank() ? " " : text;
    }

    /**
     * Checks a name the API will see, as Python's {@code assert_valid_name}.
     *
     * @throws IllegalArgumentException naming the culprit if it has characters other than letters,
     *     digits, '_' and '-', or is longer than 64
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
