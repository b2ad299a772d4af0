package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code embedding_function_config} of a vector memory config, as Python's tagged union
 * ({@code {"function_type": "openai", "api_key": "", "model_name": "text-embedding-3-small"}}) with
 * Java's additions:
 *
 * <ul>
 *   <li>{@code openai}: {@code model_name} (default {@value #OPENAI_DEFAULT_MODEL}), {@code api_key}
 *       (empty: {@code OPENAI_API_KEY}), and {@code base_url} for any OpenAI-compatible server, {@code dimensions};
 *   <li>{@code ollama}: {@code model_name}, {@code host} (default {@code OLLAMA_HOST} or {@code http://localhost:11434});
 *   <li>{@code hashing}: {@code dimensions}, a deterministic word-hashing embedding for tests and demos;
 *   <li>{@code default}, {@code sentence_transformer}: all-MiniLM-L6-v2 in process, with the module
 *       {@code autogen-ext-embeddings-minilm};
 *   <li>{@code custom}: Python's, which needs a Python
 *       callable and fails to load with a message that says what to use instead.
 * </ul>
 *
 * <p>An API key is written as {@value #MASK}, never in clear; reading the mask back means "from the environment".
 *
 * @param functionType {@code openai}, {@code ollama}, {@code hashing}, or one of Python's
 * @param modelName the embedding model
 * @param apiKey the API key, or null / empty / {@value #MASK} for the environment's
 * @param baseUrl the OpenAI-compatible base URL, e.g. {@code http://localhost:8000/v1}
 * @param host the Ollama server
 * @param dimensions the vector length asked for ({@code openai}) or produced ({@code hashing})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"function_type", "model_name", "api_key", "base_url", "host", "dimensions"})
public record EmbeddingFunctionConfig(
        @JsonProperty(value = "function_type", required = true) String functionType,
        @Nullable String modelName,
        @Nullable String apiKey,
        @Nullable String baseUrl,
        @Nullable String host,
        @Nullable Integer dimensions) {
    /** What an API key is written as. */
    public static final String MASK = "**********";
    /** Python's default OpenAI embedding model. */
    public static final String OPENAI_DEFAULT_MODEL = "text-embedding-ada-002";

    public EmbeddingFunctionConfig {
        Objects.requireNonNull(functionType, "function_type");
    }

    /** An {@code openai} config. */
    public static EmbeddingFunctionConfig openai(String modelName, @Nullable String baseUrl, @Nullable Integer dimensions) {
        return new EmbeddingFunctionConfig("openai", modelName, MASK, baseUrl, null, dimensions);
    }

    /** An {@code ollama} config. */
    public static EmbeddingFunctionConfig ollama(String modelName, @Nullable String host) {
        return new EmbeddingFunctionConfig("ollama", modelName, null, null, host, null);
    }

    /** A {@code hashing} config. */
    public static EmbeddingFunctionConfig hashing(int dimensions) {
        return new EmbeddingFunctionConfig("hashing", null, null, null, null, dimensions);
    }

    /** Python's default: {@code {"function_type": "default"}}. */
    public static EmbeddingFunctionConfig pythonDefault() {
        return new EmbeddingFunctionConfig("default", null, null, null, null, null);
    }

    /** The API key in clear, or null when the config leaves it to the environment. */
    @Nullable String apiKeyInClear() {
        return apiKey == null || apiKey.isEmpty() || apiKey.equals(MASK) ? null : apiKey;
    }
}
