package dev.autogen.ext.models.ollama;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelCapabilities;
import dev.autogen.core.models.ModelInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of an {@link OllamaChatCompletionClient}, with the fields of Python's
 * {@code BaseOllamaClientConfigurationConfigModel} plus Ollama's {@code think} and
 * {@code keep_alive}. Null means "not set".
 *
 * <pre>{@code
 * {"model": "llama3.2", "host": "http://localhost:11434", "follow_redirects": true,
 *  "options": {"temperature": 0.2, "num_ctx": 8192}}
 * }</pre>
 *
 * @param model the Ollama model, e.g. {@code llama3.2} or {@code qwen3:8b}
 * @param host the server, e.g. {@code http://localhost:11434}; null for {@code OLLAMA_HOST} or that default
 * @param responseFormat the default output format: a JSON schema object (structured output) or {@code "json"}
 * @param followRedirects whether to follow HTTP redirects (default true)
 * @param timeout seconds to wait for a response; null to wait as long as the model takes
 * @param headers extra headers sent with every request
 * @param modelCapabilities deprecated older form of {@code model_info}
 * @param modelInfo what the model can do; required for a model not in {@link OllamaModelInfo}
 * @param options Ollama's model options ({@code temperature}, {@code num_ctx}, {@code seed}, ...)
 * @param think thinking for reasoning models: {@code true}/{@code false}, or a level such as {@code "high"}
 * @param keepAlive how long the model stays loaded after the request, e.g. {@code "5m"} or {@code 0}
 * @param idleTimeout seconds a response may stay silent between two bytes before the call fails (default
 *     60); Java only, Python ignores it
 */
@JsonPropertyOrder({"model", "host", "response_format", "follow_redirects", "timeout", "headers",
    "model_capabilities", "model_info", "options", "think", "keep_alive", "idle_timeout"})
public record OllamaClientConfiguration(
        @JsonProperty(required = true) String model,
        @Nullable String host,
        @Nullable JsonNode responseFormat,
        @Nullable Boolean followRedirects,
        @Nullable Double timeout,
        @Nullable Map<String, String> headers,
        @Nullable ModelCapabilities modelCapabilities,
        @Nullable ModelInfo modelInfo,
        @Nullable Map<String, Object> options,
        @Nullable JsonNode think,
        @Nullable JsonNode keepAlive,
        @Nullable Double idleTimeout) {

    public OllamaClientConfiguration {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model is required for OllamaChatCompletionClient");
        }
        if (timeout != null && !(timeout > 0)) {
            throw new IllegalArgumentException("timeout must be a positive number of seconds, got " + timeout);
        }
        if (responseFormat != null && !responseFormat.isObject()
                && !(responseFormat.isTextual() && responseFormat.asText().equals("json"))) {
            throw new IllegalArgumentException("response_format must be a JSON schema object or \"json\", got "
                    + responseFormat);
        }
        if (modelInfo != null && modelCapabilities != null) {
            throw new IllegalArgumentException("model_capabilities and model_info are mutually exclusive");
        }
        headers = headers == null ? null : Map.copyOf(headers);
        options = options == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A config with only the model set. */
    public static OllamaClientConfiguration of(String model) {
        return new OllamaClientConfiguration(model, null, null, true, null, null, null, null, null, null, null, null);
    }
}
