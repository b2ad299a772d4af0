package dev.autogen.ext.memory.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.ext.http.HttpCallException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddingEndpointsTest {
    private static final CancellationToken TOKEN = new CancellationToken();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openAiEmbeddingsAreRequestedAndOrderedByIndex() {
        server.thenJson(200, """
                {"object": "list", "model": "text-embedding-3-small",
                 "data": [{"object": "embedding", "index": 1, "embedding": [0.0, 1.0, 0.5]},
                          {"object": "embedding", "index": 0, "embedding": [1.0, 0.0, -0.5]}],
                 "usage": {"prompt_tokens": 6, "total_tokens": 6}}""");
        try (var embeddings = OpenAIEmbeddingFunction.builder("text-embedding-3-small").baseUrl(server.url() + "/v1")
                .apiKey("sk-test").dimensions(3).environment(Map.of()).build()) {
            List<float[]> vectors = embeddings.embed(List.of("first", "second"), TOKEN);

            assertThat(vectors).containsExactly(new float[] {1, 0, -0.5f}, new float[] {0, 1, 0.5f});
            LoopbackServer.Recorded request = server.lastRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/embeddings");
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
            assertThat(request.json().toString()).isEqualTo(
                    "{\"model\":\"text-embedding-3-small\",\"input\":[\"first\",\"second\"],\"encoding_format\":\"float\",\"dimensions\":3}");
        }
    }

    @Test
    void openAiErrorsQuoteTheServer() {
        server.thenJson(401, """
                {"error": {"message": "Incorrect API key provided: sk-bad.", "type": "invalid_request_error",
                 "code": "invalid_api_key"}}""");
        try (var embeddings = OpenAIEmbeddingFunction.builder("text-embedding-3-small").baseUrl(server.url() + "/v1")
                .apiKey("sk-bad").environment(Map.of()).build()) {
            assertThatThrownBy(() -> embeddings.embed("hello", TOKEN)).isInstanceOf(HttpCallException.class)
                    .hasMessageContaining("OpenAI embeddings request")
                    .hasMessageContaining("failed with HTTP 401: Incorrect API key provided");
        }
        try (var noKey = OpenAIEmbeddingFunction.builder("text-embedding-3-small").environment(Map.of()).build()) {
            assertThatThrownBy(() -> noKey.embed("hello", TOKEN)).hasMessageContaining("set OPENAI_API_KEY");
        }
    }

    @Test
    void openAiCallsAreRetriedAfterA429() {
        server.thenJson(429, "{\"error\": {\"message\": \"Rate limit\"}}", Map.of("retry-after-ms", "10"))
                .thenJson(200, "{\"data\": [{\"index\": 0, \"embedding\": [0.25, 0.75]}]}");
        try (var embeddings = OpenAIEmbeddingFunction.builder("m").baseUrl(server.url()).environment(Map.of()).build()) {
            assertThat(embeddings.embed("hello", TOKEN)).containsExactly(0.25f, 0.75f);
            assertThat(server.requests()).hasSize(2);
            assertThat(server.lastRequest().header("Authorization")).isNull();
        }
    }

    @Test
    void ollamaEmbeddingsComeFromApiEmbed() {
        server.thenJson(200, """
                {"model": "all-minilm", "embeddings": [[0.1, 0.2], [0.3, 0.4]],
                 "total_duration": 14143917, "load_duration": 1019500, "prompt_eval_count": 8}""");
        try (var embeddings = OllamaEmbeddingFunction.builder("all-minilm").host(server.url()).build()) {
            assertThat(embeddings.embed(List.of("a", "b"), TOKEN))
                    .containsExactly(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f});
            assertThat(server.lastRequest().path()).isEqualTo("/api/embed");
            assertThat(server.lastRequest().json().toString()).isEqualTo("{\"model\":\"all-minilm\",\"input\":[\"a\",\"b\"]}");
        }
    }

    @Test
    void ollamaErrorsQuoteTheServer() {
        server.thenJson(404, "{\"error\": \"model \\\"nomic\\\" not found, try pulling it first\"}");
        try (var embeddings = OllamaEmbeddingFunction.builder("nomic").host(server.url()).maxRetries(0).build()) {
            assertThatThrownBy(() -> embeddings.embed("a", TOKEN))
                    .hasMessageContaining("Ollama embeddings request")
                    .hasMessageContaining("HTTP 404: model \"nomic\" not found, try pulling it first");
        }
    }

    @Test
    void aMemoryOnAnOllamaServerStoresWhatTheServerEmbeds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        server.thenJson(200, "{\"embeddings\": [[1.0, 0.0]]}")
                .thenJson(200, "{\"embeddings\": [[0.0, 1.0]]}")
                .thenJson(200, "{\"embeddings\": [[0.1, 1.0]]}");
        try (var embeddings = OllamaEmbeddingFunction.builder("all-minilm").host(server.url()).build();
                var memory = LuceneVectorMemory.builder(embeddings).persistencePath(dir).k(1).build()) {
            memory.add(new dev.autogen.core.memory.MemoryContent("cats", dev.autogen.core.memory.MemoryMimeType.TEXT));
            memory.add(new dev.autogen.core.memory.MemoryContent("dogs", dev.autogen.core.memory.MemoryMimeType.TEXT));
            assertThat(memory.query("puppies").results()).extracting(c -> c.content()).containsExactly("dogs");
        }
    }
}
