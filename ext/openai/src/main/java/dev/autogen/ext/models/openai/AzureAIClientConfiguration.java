package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelInfo;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link AzureAIChatCompletionClient}: the fields of Python's
 * {@code AzureAIChatCompletionClientConfig} (endpoint, model_info and the create arguments of
 * {@code AzureAICreateArguments}) that have a JSON form. Python's client has no component config;
 * this one is Java's. Python's {@code credential} object becomes {@code api_key} (a {@link Secret},
 * written as {@value Secret#MASK}) or an {@code azure_ad_token_provider} component.
 *
 * @param endpoint the inference endpoint, e.g. {@code https://my-resource.services.ai.azure.com/models}
 *     or {@code https://models.github.ai/inference}
 * @param modelInfo what the model can do (required)
 * @param frequencyPenalty penalty for tokens by their frequency so far
 * @param presencePenalty penalty for tokens already present
 * @param temperature sampling temperature
 * @param topP nucleus sampling probability mass
 * @param maxTokens the most tokens to generate
 * @param responseFormat {@code "text"} or {@code "json_object"}
 * @param stop stop sequences
 * @param tools tool definitions in the API's JSON, sent when a request has no tools of its own
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or a named tool, sent with {@code tools}
 * @param seed seed for best-effort deterministic sampling
 * @param model the model (deployment) name; required for GitHub Models
 * @param modelExtras parameters outside the API, merged into the request body with header
 *     {@code extra-parameters: pass-through}
 * @param apiKey the key; null to read {@code AZURE_AI_API_KEY} ({@code GITHUB_TOKEN} for GitHub Models)
 * @param azureAdTokenProvider a {@code token_provider} component, e.g. {@code autogen_ext.auth.azure.AzureTokenProvider}
 * @param timeout seconds one attempt may take; null for 600
 * @param maxRetries how many times a failed request is retried; null for 2
 * @param idleTimeout seconds a response may stay silent between two bytes; null for 60
 */
@JsonPropertyOrder({"endpoint", "model_info", "frequency_penalty", "presence_penalty", "temperature", "top_p", "max_tokens",
        "response_format", "stop", "tools", "tool_choice", "seed", "model", "model_extras", "api_key",
        "azure_ad_token_provider", "timeout", "max_retries", "idle_timeout"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureAIClientConfiguration(
        @JsonProperty(required = true) String endpoint,
        @Nullable ModelInfo modelInfo,
        @Nullable Double frequencyPenalty,
        @Nullable Double presencePenalty,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer maxTokens,
        @Nullable String responseFormat,
        @Nullable List<String> stop,
        @Nullable JsonNode tools,
        @Nullable JsonNode toolChoice,
        @Nullable Long seed,
        @Nullable String model,
        @Nullable JsonNode modelExtras,
        @Nullable Secret apiKey,
        @Nullable JsonNode azureAdTokenProvider,
        @Nullable Double timeout,
        @Nullable Integer maxRetries,
        @Nullable Double idleTimeout) {

    public AzureAIClientConfiguration {
        Objects.requireNonNull(endpoint, "endpoint");
        stop = stop == null ? null : List.copyOf(stop);
        tools = present(tools);
        toolChoice = present(toolChoice);
        modelExtras = present(modelExtras);
        azureAdTokenProvider = present(azureAdTokenProvider);
        model = model == null || model.isBlank() ? null : model;
    }

    /** This config with {@code provider} as its {@code azure_ad_token_provider} component. */
    AzureAIClientConfiguration withAzureAdTokenProvider(JsonNode provider) {
        return new AzureAIClientConfiguration(endpoint, modelInfo, frequencyPenalty, presencePenalty, temperature, topP,
                maxTokens, responseFormat, stop, tools, toolChoice, seed, model, modelExtras, apiKey, provider, timeout,
                maxRetries, idleTimeout);
    }

    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
