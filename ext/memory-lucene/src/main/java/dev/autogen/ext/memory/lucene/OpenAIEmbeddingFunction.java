package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings from OpenAI's {@code POST /v1/embeddings} or any server that speaks it (vLLM,
 * llama.cpp, LM Studio, Ollama's {@code /v1}, text-embeddings-inference), over the project's HTTP
 * pipeline. Sends {@code {"model", "input": [...], "encoding_format": "float"}} in batches of at
 * most {@value #MAX_BATCH} texts and orders the answer's {@code data} by {@code index}.
 *
 * <pre>{@code
 * try (var embeddings = OpenAIEmbeddingFunction.builder("text-embedding-3-small").build()) {   // OPENAI_API_KEY
 *     float[] vector = embeddings.embed("The user prefers metric units", new CancellationToken());
 * }
 * }</pre>
 */
public final class OpenAIEmbeddingFunction implements EmbeddingFunction {
    /** OpenAI's API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The environment variable the API key is read from when none is given. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";
    /** The most texts sent in one request (OpenAI's limit). */
    public static final int MAX_BATCH = 2048;

    private final String model;
    private final String baseUrl;
    private final @Nullable String apiKey;
    private final boolean apiKeyGiven;
    private final @Nullable Integer dimensions;
    private final EmbeddingHttp http;

    private OpenAIEmbeddingFunction(Builder b) {
        this.model = b.model;
        this.baseUrl = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.apiKeyGiven = b.apiKey != null;
        this.apiKey = b.apiKey != null ? b.apiKey : b.environment.get(API_KEY_ENV);
        this.dimensions = b.dimensions;
        this.http = new EmbeddingHttp("OpenAI embeddings request", b.maxRetries, b.timeout);
    }

    /** A builder for {@code model}, e.g. {@code text-embedding-3-small}. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    @Override
    public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
        if (apiKey == null && baseUrl.equals(DEFAULT_BASE_URL)) {
            throw new IllegalStateException("no OpenAI API key: set " + API_KEY_ENV + " or give api_key, or point"
                    + " base_url at an OpenAI-compatible server that needs none");
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += MAX_BATCH) {
            vectors.addAll(batch(texts.subList(from, Math.min(texts.size(), from + MAX_BATCH)), cancellationToken));
        }
        return vectors;
    }

    private List<float[]> batch(List<String> texts, CancellationToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        body.put("encoding_format", "float");
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        Map<String, String> headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        URI uri = URI.create(baseUrl + "/embeddings");
        JsonNode answer = http.post(uri, headers, body, token);
        JsonNode data = answer.path("data");
        if (!data.isArray() || data.size() != texts.size()) {
            throw new IllegalStateException("the OpenAI embeddings answer from " + uri + " has "
                    + (data.isArray() ? data.size() + " embeddings" : "no 'data' list") + " for " + texts.size() + " texts");
        }
        float[][] ordered = new float[texts.size()][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw new IllegalStateException("the OpenAI embeddings answer from " + uri + " has a bad index " + item.path("index"));
            }
            ordered[index] = JsonVectors.read(item.path("embedding"), "data[" + index + "].embedding of the answer from " + uri);
        }
        return Arrays.asList(ordered);
    }

    @Override
    public OptionalInt dimension() {
        return dimensions == null ? OptionalInt.empty() : OptionalInt.of(dimensions);
    }

    /** The config; the API key is written masked, and only when one was given. */
    @Override
    public Optional<EmbeddingFunctionConfig> toConfig() {
        return Optional.of(new EmbeddingFunctionConfig("openai", model, apiKeyGiven ? EmbeddingFunctionConfig.MASK : "",
                baseUrl.equals(DEFAULT_BASE_URL) ? null : baseUrl, null, dimensions));
    }

    @Override
    public void close() {
        http.close();
    }

    /** Builds an {@link OpenAIEmbeddingFunction}. */
    public static final class Builder {
        private final String model;
        private String baseUrl = DEFAULT_BASE_URL;
        private @Nullable String apiKey;
        private @Nullable Integer dimensions;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofSeconds(60);
        private Map<String, String> environment = System.getenv();

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The API base URL (default {@value #DEFAULT_BASE_URL}); {@code /embeddings} is appended. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The API key (default: {@value #API_KEY_ENV}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The vector length to ask for ({@code text-embedding-3-*} models only). */
        public Builder dimensions(int dimensions) {
            if (dimensions <= 0) {
                throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** How often a failed request is retried (default 2, as the OpenAI SDK). */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest wait for one answer (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where environment variables are read from (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The function. */
        public OpenAIEmbeddingFunction build() {
            return new OpenAIEmbeddingFunction(this);
        }
    }
}
