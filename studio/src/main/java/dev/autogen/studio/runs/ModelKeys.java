package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands the keys of a user's settings to the model clients of a team about to run: a client config
 * without {@code api_key} gets the one its provider reads from the environment ({@code OPENAI_API_KEY},
 * {@code AZURE_OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}) when the settings' environment has it, as
 * Python Studio puts the settings' environment into the process environment. Only the copy that is
 * loaded gets the keys, never what is stored.
 */
final class ModelKeys {
    private static final Map<String, String> BY_PROVIDER = Map.of(
            "AzureOpenAIChatCompletionClient", "AZURE_OPENAI_API_KEY",
            "OpenAIChatCompletionClient", "OPENAI_API_KEY",
            "AnthropicChatCompletionClient", "ANTHROPIC_API_KEY");

    private ModelKeys() {
    }

    /** {@code config} with the keys of {@code environment} given to the model clients that lack one. */
    static JsonNode apply(JsonNode config, Map<String, String> environment) {
        if (environment.isEmpty()) {
            return config;
        }
        JsonNode copy = config.deepCopy();
        visit(copy, environment);
        return copy;
    }

    private static void visit(JsonNode node, Map<String, String> environment) {
        if (node instanceof ObjectNode object) {
            String provider = object.path("provider").asText("");
            String variable = variable(provider);
            if (variable != null && object.path("config").isObject() && !object.path("config").hasNonNull("api_key")) {
                String key = environment.get(variable);
                if (key != null && !key.isBlank()) {
                    ((ObjectNode) object.get("config")).put("api_key", key);
                }
            }
            object.elements().forEachRemaining(child -> visit(child, environment));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> visit(child, environment));
        }
    }

    private static @Nullable String variable(String provider) {
        String simple = provider.substring(provider.lastIndexOf('.') + 1);
        return BY_PROVIDER.get(simple);
    }
}
