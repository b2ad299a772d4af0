package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings from an Ollama server's {@code POST /api/embed}
 * ({@code {"model", "input": [...]}} answered by {@code {"embeddings": [[...], ...]}}), over the
 * project's HTTP pipeline.
 *
 * <pre>{@code
 * try (var embeddings = OllamaEmbeddingFunction.builder("nomic-embed-text").build()) {   // OLLAMA_HOST or localhost:11434
 *     float[] vector = embeddings.embed("The user prefers metric units", new CancellationToken());
 * }
 * }</pre>
 */
public final class OllamaEmbeddingFunction implements EmbeddingFunction {
    /** The server used when neither the builder nor {@value #HOST_ENV} names one. */
    public static final String DEFAULT_HOST = "http://localhost:11434";
    /** The environment variable that may name the server. */
    public static final String HOST_ENV = "OLLAMA_HOST";

    private final String model;
    private final @Nullable String givenHost;
    private final String host;
    private final EmbeddingHttp http;

    private OllamaEmbeddingFunction(Builder b) {
        this.model = b.model;
        this.givenHost = b.host;
        String h = b.host != null ? b.host : b.environment.getOrDefault(HOST_ENV, DEFAULT_HOST);
        if (!h.contains("://")) {
            h = "http://" + h;
        }
        this.host = h.endsWith("/") ? h.substring(0, h.length() - 1) : h;
        this.http = new EmbeddingHttp("Ollama embeddings request", b.maxRetries, b.timeout);
    }

    /** A builder for {@code model}, e.g. {@code nomic-embed-text} or {@code all-minilm}. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    @Override
    public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        URI uri = URI.create(host + "/api/embed");
        JsonNode embeddings = http.post(uri, Map.of(), body, cancellationToken).path("embeddings");
        if (!embeddings.isArray() || embeddings.size() != texts.size()) {
            throw new IllegalStateException("the Ollama embeddings answer from " + uri + " has "
                    + (embeddings.isArray() ? embeddings.size() + " embeddings" : "no 'embeddings' list")
                    + " for " + texts.size() + " texts");
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < embeddings.size(); i++) {
            vectors.add(JsonVectors.read(embeddings.get(i), "embeddings[" + i + "] of the answer from " + uri));
        }
        return vectors;
    }

    @Override
    public Optional<EmbeddingFunctionConfig> toConfig() {
        return Optional.of(EmbeddingFunctionConfig.ollama(model, givenHost));
    }

    @Override
    public void close() {
        http.close();
    }

    /** Builds an {@link OllamaEmbeddingFunction}. */
    public static final class Builder {
        private final String model;
        private @Nullable String host;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofSeconds(120);
        private Map<String, String> environment = System.getenv();

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The server, e.g. {@code http://gpu-box:11434} (default: {@value #HOST_ENV}, else {@value #DEFAULT_HOST}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** How often a failed request is retried (default 2). */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest wait for one answer (default 120 s: the first call may load the model). */
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
        public OllamaEmbeddingFunction build() {
            return new OllamaEmbeddingFunction(this);
        }
    }
}
