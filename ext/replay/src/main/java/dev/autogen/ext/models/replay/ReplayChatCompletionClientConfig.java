package dev.autogen.ext.models.replay;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link ReplayChatCompletionClient}, as Python writes it:
 * {@code {"chat_completions": ["text", {CreateResult...}], "model_info": {...} | null}}.
 *
 * @param chatCompletions the scripted responses, each a {@link String} or a {@link CreateResult}
 * @param modelInfo the model info to report; null for the default (an unknown model)
 */
@JsonPropertyOrder({"chat_completions", "model_info"})
public record ReplayChatCompletionClientConfig(List<Object> chatCompletions, @Nullable ModelInfo modelInfo) {
    public ReplayChatCompletionClientConfig {
        chatCompletions = List.copyOf(chatCompletions);
        for (int i = 0; i < chatCompletions.size(); i++) {
            Object response = chatCompletions.get(i);
            if (!(response instanceof String) && !(response instanceof CreateResult)) {
                throw new IllegalArgumentException("chat_completions[" + i + "] is a " + response.getClass().getName()
                        + "; scripted responses must be String or CreateResult");
            }
        }
    }

    /**
     * Reads the JSON form.
     *
     * @throws IllegalArgumentException naming the entry that is neither a string nor a CreateResult
     */
    @JsonCreator
    static ReplayChatCompletionClientConfig fromJson(
            @JsonProperty("chat_completions") @Nullable List<JsonNode> chatCompletions,
            @JsonProperty("model_info") @Nullable ModelInfo modelInfo) {
        if (chatCompletions == null) {
            throw new IllegalArgumentException("replay client config: missing required field 'chat_completions'");
        }
        List<Object> responses = new ArrayList<>();
        for (int i = 0; i < chatCompletions.size(); i++) {
            JsonNode node = chatCompletions.get(i);
            if (node.isTextual()) {
                responses.add(node.textValue());
            } else if (node.isObject()) {
                try {
                    responses.add(AutogenJson.mapper().treeToValue(node, CreateResult.class));
                } catch (Exception e) {
                    throw new IllegalArgumentException("chat_completions[" + i + "] is not a valid CreateResult: "
                            + e.getMessage(), e);
                }
            } else {
                throw new IllegalArgumentException("chat_completions[" + i + "] must be a string or a CreateResult object, got "
                        + node);
            }
        }
        return new ReplayChatCompletionClientConfig(responses, modelInfo);
    }
}
