package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelCapabilities;
import dev.autogen.core.models.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of an {@link AnthropicChatCompletionClient}, with the fields of Python's
 * {@code AnthropicClientConfigurationConfigModel}. Null means "not set". When dumped, the API key is
 * written as {@code "**********"}, never in clear; loading that placeholder falls back to
 * {@code ANTHROPIC_API_KEY}.
 *
 * <pre>{@code
 * {"model": "claude-3-7-sonnet-20250219", "max_tokens": 4096, "temperature": 1.0}
 * }</pre>
 *
 * @param model the Claude model id, e.g. {@code claude-3-7-sonnet-20250219}
 * @param maxTokens the most tokens to generate (Anthropic requires a value; default 4096)
 * @param temperature sampling temperature (default 1.0; forced to 1.0 while thinking is enabled)
 * @param topP nucleus sampling
 * @param topK top-k sampling
 * @param stopSequences texts that stop generation
 * @param responseFormat kept for Python compatibility; the Messages API has no response format
 * @param metadata request metadata, e.g. {@code {"user_id": "..."}}
 * @param thinking extended thinking
 * @param apiKey the API key; null to read {@code ANTHROPIC_API_KEY}
 * @param baseUrl the API root (default {@code https://api.anthropic.com}, or {@code ANTHROPIC_BASE_URL})
 * @param modelCapabilities deprecated older form of {@code model_info}
 * @param modelInfo what the model can do; required for a model id not in {@link AnthropicModelInfo}
 * @param timeout seconds to wait for a response (default 600)
 * @param maxRetries retries after a 408/409/429/5xx, timeout or connection failure (default 2)
 * @param defaultHeaders extra headers sent with every request
 * @param tools kept for Python compatibility; pass tools per request instead
 * @param toolChoice kept for Python compatibility; pass the tool choice per request instead
 * @param idleTimeout seconds a response may stay silent between two bytes before the attempt fails and is
 *     retried (default 60); Java only, Python ignores it
 */
@JsonPropertyOrder({"model", "max_tokens", "temperature", "top_p", "top_k", "stop_sequences", "response_format",
    "metadata", "thinking", "api_key", "base_url", "model_capabilities", "model_info", "timeout", "max_retries",
    "default_headers", "tools", "tool_choice", "idle_timeout"})
public record AnthropicClientConfiguration(
        @JsonProperty(required = true) String model,
        @Nullable Integer maxTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer topK,
        @Nullable List<String> stopSequences,
        @Nullable JsonNode responseFormat,
        @Nullable Map<String, String> metadata,
        @Nullable ThinkingConfig thinking,
        @Nullable String apiKey,
        @Nullable String baseUrl,
        @Nullable ModelCapabilities modelCapabilities,
        @Nullable ModelInfo modelInfo,
        @Nullable Double timeout,
        @Nullable Integer maxRetries,
        @Nullable Map<String, String> defaultHeaders,
        @Nullable List<JsonNode> tools,
        @Nullable JsonNode toolChoice,
        @Nullable Double idleTimeout) {

    /** What a dumped config holds in place of the API key. */
    public static final String MASKED_SECRET = "**********";

    public AnthropicClientConfiguration {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model is required for AnthropicChatCompletionClient");
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("max_tokens must be positive, got " + maxTokens);
        }
        if (timeout != null && !(timeout > 0)) {
            throw new IllegalArgumentException("timeout must be a positive number of seconds, got " + timeout);
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new IllegalArgumentException("max_retries must not be negative, got " + maxRetries);
        }
        stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
        metadata = metadata == null ? null : Map.copyOf(metadata);
        defaultHeaders = defaultHeaders == null ? null : Map.copyOf(defaultHeaders);
        tools = tools == null ? null : List.copyOf(tools);
    }

    /** A config with only the model set. */
    public static AnthropicClientConfiguration of(String model) {
        return new AnthropicClientConfiguration(model, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** This config with the API key masked, as written by a dump. */
    AnthropicClientConfiguration masked() {
        return apiKey == null ? this : withApiKey(MASKED_SECRET);
    }

    AnthropicClientConfiguration withApiKey(@Nullable String key) {
        return new AnthropicClientConfiguration(model, maxTokens, temperature, topP, topK, stopSequences, responseFormat,
                metadata, thinking, key, baseUrl, modelCapabilities, modelInfo, timeout, maxRetries, defaultHeaders,
                tools, toolChoice, idleTimeout);
    }

    @Override
    public String toString() {
        return "AnthropicClientConfiguration[model=" + model + ", base_url=" + baseUrl + ", api_key="
                + (apiKey == null ? "null" : MASKED_SECRET) + "]";
    }
}
