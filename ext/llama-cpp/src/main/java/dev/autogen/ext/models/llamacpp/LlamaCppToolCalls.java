package dev.autogen.ext.models.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How tools reach a llama.cpp model and how its calls come back: the tools are described in the system
 * message, and a grammar constrains the output to a JSON object {@code {"name": ..., "arguments": {...}}}
 * matching one tool's schema (or, for tool choice {@code auto}, to plain text that starts with neither
 * {@code {} nor white space).
 */
final class LlamaCppToolCalls {
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final Pattern ROOT_RULE = Pattern.compile("(?m)^root ::=");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    private LlamaCppToolCalls() {
    }

    /** The JSON schema of one call of any of {@code tools}. */
    static ObjectNode callSchema(List<ToolSchema> tools) {
        ArrayNode alternatives = JSON.createArrayNode();
        for (ToolSchema tool : tools) {
            ObjectNode call = alternatives.addObject();
            call.put("type", "object");
            ObjectNode properties = call.putObject("properties");
            properties.putObject("name").put("const", tool.name());
            properties.set("arguments", argumentsSchema(tool));
            call.putArray("required").add("name").add("arguments");
            call.put("additionalProperties", false);
        }
        if (alternatives.size() == 1) {
            return (ObjectNode) alternatives.get(0);
        }
        ObjectNode anyOf = JSON.createObjectNode();
        anyOf.set("anyOf", alternatives);
        return anyOf;
    }

    private static JsonNode argumentsSchema(ToolSchema tool) {
        if (tool.parameters() == null) {
            ObjectNode empty = JSON.createObjectNode();
            empty.put("type", "object");
            empty.putObject("properties");
            empty.put("additionalProperties", false);
            return empty;
        }
        return JSON.valueToTree(tool.parameters());
    }

    /**
     * The GBNF grammar for a call of one of {@code tools}; with {@code allowText}, the alternative of
     * plain text that starts with neither a brace nor white space, so that text and calls are told apart
     * by the first character. {@code toGrammar} is llama.cpp's JSON-schema converter.
     */
    static String grammar(List<ToolSchema> tools, boolean allowText, Function<String, String> toGrammar) {
        String call = toGrammar.apply(callSchema(tools).toString());
        if (!allowText) {
            return call;
        }
        return ROOT_RULE.matcher(call).replaceFirst("tool-call ::=")
                + "root ::= tool-call | free-text\n"
                + "free-text ::= [^{ \\t\\r\\n] [^\\x00]*\n";
    }

    /** The text added to the system message that tells the model which tools it has and how to call them. */
    static String instructions(List<ToolSchema> tools, boolean required) {
        StringBuilder text = new StringBuilder("You can call these tools:\n");
        for (ToolSchema tool : tools) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("name", tool.name());
            if (tool.description() != null) {
                entry.put("description", tool.description());
            }
            entry.set("parameters", argumentsSchema(tool));
            text.append(entry).append('\n');
        }
        text.append("To call a tool, answer with only a JSON object {\"name\": <tool name>, \"arguments\": <arguments"
                + " object>}.");
        text.append(required ? (tools.size() == 1 ? " You must call " + tools.getFirst().name() + "."
                : " You must call one of the tools.") : " Otherwise answer in plain text.");
        return text.toString();
    }

    /** How an assistant's earlier call is written back into the prompt: the format the model was asked for. */
    static String render(FunctionCall call) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", call.name());
        try {
            node.set("arguments", JSON.readTree(call.arguments()));
        } catch (IOException e) {
            node.put("arguments", call.arguments());
        }
        return node.toString();
    }

    /**
     * The call in {@code output}, if it is one: a JSON object with a string {@code name} and an object
     * {@code arguments}. Empty for text, or for a call cut short (by max tokens) that does not parse.
     */
    static Optional<FunctionCall> parse(String output, Supplier<String> ids) {
        String text = output.strip();
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode name = node.path("name");
        JsonNode arguments = node.path("arguments");
        if (!name.isTextual() || !arguments.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new FunctionCall(ids.get(), arguments.toString(), normalizeName(name.asText())));
    }

    /** Python's {@code normalize_name}: characters a tool name cannot hold become {@code _}, at most 64. */
    static String normalizeName(String name) {
        String normalized = INVALID_NAME_CHARS.matcher(name).replaceAll("_");
        return normalized.length() > 64 ? normalized.substring(0, 64) : normalized;
    }
}
