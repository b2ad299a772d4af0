package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelCapabilities;
import dev.autogen.core.models.ModelInfo;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link AzureOpenAIChatCompletionClient}, field for field Python's
 * {@code AzureOpenAIClientConfigurationConfigModel}; see {@link BaseOpenAIClientConfiguration} for the
 * shared fields. Secrets are written as {@value Secret#MASK}.
 *
 * @param azureEndpoint e.g. {@code https://my-resource.openai.azure.com/}
 * @param azureDeployment the deployment name; null to use the model name
 * @param apiVersion e.g. {@code 2024-06-01}
 * @param azureAdToken a fixed Entra ID (Azure AD) bearer token
 * @param azureAdTokenProvider a {@code token_provider} component such as Python's
 *     {@code autogen_ext.auth.azure.AzureTokenProvider}, loaded when module {@code autogen-ext-auth-azure}
 *     is on the class path; in code, give the builder a {@code Supplier<String>} instead
 */
@JsonPropertyOrder({"frequency_penalty", "logit_bias", "max_tokens", "n", "presence_penalty", "response_format", "seed", "stop", "temperature", "top_p", "user", "stream_options", "parallel_tool_calls", "reasoning_effort", "model", "api_key", "timeout", "max_retries", "model_capabilities", "model_info", "add_name_prefixes", "include_name_in_message", "default_headers", "azure_endpoint", "azure_deployment", "api_version", "azure_ad_token", "azure_ad_token_provider", "idle_timeout"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureOpenAIClientConfiguration(
        @Nullable Double frequencyPenalty,
        @Nullable Map<String, Integer> logitBias,
        @Nullable Integer maxTokens,
        @Nullable Integer n,
        @Nullable Double presencePenalty,
        @Nullable JsonNode responseFormat,
        @Nullable Long seed,
        @Nullable JsonNode stop,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable String user,
        @Nullable JsonNode streamOptions,
        @Nullable Boolean parallelToolCalls,
        @Nullable String reasoningEffort,
        @JsonProperty(required = true) String model,
        @Nullable Secret apiKey,
        @Nullable Double timeout,
        @Nullable Integer maxRetries,
        @Nullable ModelCapabilities modelCapabilities,
        @Nullable ModelInfo modelInfo,
        @Nullable Boolean addNamePrefixes,
        @Nullable Boolean includeNameInMessage,
        @Nullable Map<String, String> defaultHeaders,
        @JsonProperty(required = true) String azureEndpoint,
        @Nullable String azureDeployment,
        @JsonProperty(required = true) String apiVersion,
        @Nullable Secret azureAdToken,
        @Nullable JsonNode azureAdTokenProvider,
        @Nullable Double idleTimeout) implements BaseOpenAIClientConfiguration {

    public AzureOpenAIClientConfiguration {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank: name the model, e.g. \"gpt-4o\"");
        }
        logitBias = logitBias == null ? null : Map.copyOf(logitBias);
        defaultHeaders = defaultHeaders == null ? null : Map.copyOf(defaultHeaders);
        responseFormat = present(responseFormat);
        stop = present(stop);
        streamOptions = present(streamOptions);
        Objects.requireNonNull(azureEndpoint, "azureEndpoint");
        Objects.requireNonNull(apiVersion, "apiVersion");
        azureAdTokenProvider = present(azureAdTokenProvider);
    }

    /** This config with {@code provider} as its {@code azure_ad_token_provider} component. */
    AzureOpenAIClientConfiguration withAzureAdTokenProvider(JsonNode provider) {
        return new AzureOpenAIClientConfiguration(frequencyPenalty, logitBias, maxTokens, n, presencePenalty, responseFormat,
                seed, stop, temperature, topP, user, streamOptions, parallelToolCalls, reasoningEffort, model, apiKey,
                timeout, maxRetries, modelCapabilities, modelInfo, addNamePrefixes, includeNameInMessage, defaultHeaders,
                azureEndpoint, azureDeployment, apiVersion, azureAdToken, provider, idleTimeout);
    }

    /** A JSON {@code null} read into a {@link JsonNode} field means "not set", as Python's None. */
    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
