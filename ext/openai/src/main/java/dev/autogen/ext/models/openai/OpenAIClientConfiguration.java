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
 * The component config of {@link OpenAIChatCompletionClient}, field for field Python's
 * {@code OpenAIClientConfigurationConfigModel}; see {@link BaseOpenAIClientConfiguration} for the
 * shared fields. The API key is written as {@value Secret#MASK}.
 *
 * @param organization the OpenAI organization id; null to read {@code OPENAI_ORG_ID}
 * @param idleTimeout see {@link BaseOpenAIClientConfiguration#idleTimeout()}
 * @param baseUrl the API base URL, e.g. {@code http://localhost:11434/v1}; null to read
 *     {@code OPENAI_BASE_URL}, else {@code https://api.openai.com/v1}
 */
@JsonPropertyOrder({"frequency_penalty", "logit_bias", "max_tokens", "n", "presence_penalty", "response_format", "seed", "stop", "temperature", "top_p", "user", "stream_options", "parallel_tool_calls", "reasoning_effort", "model", "api_key", "timeout", "max_retries", "model_capabilities", "model_info", "add_name_prefixes", "include_name_in_message", "default_headers", "organization", "base_url", "idle_timeout"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAIClientConfiguration(
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
        @Nullable String organization,
        @Nullable String baseUrl,
        @Nullable Double idleTimeout) implements BaseOpenAIClientConfiguration {

    public OpenAIClientConfiguration {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank: name the model, e.g. \"gpt-4o\"");
        }
        logitBias = logitBias == null ? null : Map.copyOf(logitBias);
        defaultHeaders = defaultHeaders == null ? null : Map.copyOf(defaultHeaders);
        responseFormat = present(responseFormat);
        stop = present(stop);
        streamOptions = present(streamOptions);
    }

    /** A JSON {@code null} read into a {@link JsonNode} field means "not set", as Python's None. */
    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
