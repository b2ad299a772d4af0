package dev.autogen.ext.memory.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorMemoryConfigTest {
    @TempDir
    Path dir;

    @Test
    void configRoundTripsWithPythonsFieldNames() throws Exception {
        try (var memory = LuceneVectorMemory.builder(new HashingEmbeddingFunction(64)).persistencePath(dir)
                .collectionName("prefs").k(5).scoreThreshold(0.4).distanceMetric(DistanceMetric.L2)
                .hybridSearch(true).keywordWeight(0.25).build()) {
            String json = memory.dumpComponent().toJson();
            JsonNode tree = AutogenJson.mapper().readTree(json);
            assertThat(tree.path("provider").asText()).isEqualTo("dev.autogen.ext.memory.lucene.LuceneVectorMemory");
            assertThat(tree.path("component_type").asText()).isEqualTo("memory");
            JsonNode config = tree.path("config");
            assertThat(config.path("collection_name").asText()).isEqualTo("prefs");
            assertThat(config.path("persistence_path").asText()).isEqualTo(dir.toString());
            assertThat(config.path("k").asInt()).isEqualTo(5);
            assertThat(config.path("score_threshold").asDouble()).isEqualTo(0.4);
            assertThat(config.path("distance_metric").asText()).isEqualTo("l2");
            assertThat(config.path("embedding_function_config").toString())
                    .isEqualTo("{\"function_type\":\"hashing\",\"dimensions\":64}");

            try (var loaded = (LuceneVectorMemory) ComponentLoader.loadComponent(json, Memory.class)) {
                assertThat(loaded.toConfig()).isEqualTo(memory.toConfig());
                assertThat(loaded.name()).isEqualTo("prefs");
            }
        }
    }

    @Test
    void aChromaConfigWithOnlyItsProviderChangedLoads() {
        String json = """
                {"provider": "dev.autogen.ext.memory.lucene.LuceneVectorMemory", "component_type": "memory",
                 "config": {"client_type": "persistent", "collection_name": "preferences",
                  "distance_metric": "cosine", "k": 2, "score_threshold": 0.4, "allow_reset": false,
                  "tenant": "default_tenant", "database": "default_database",
                  "embedding_function_config": {"function_type": "openai", "api_key": "sk-test",
                   "model_name": "text-embedding-3-small"},
                  "persistence_path": "%s"}}""".formatted(dir.toString().replace("\\", "\\\\"));
        try (var memory = (LuceneVectorMemory) ComponentLoader.loadComponent(json, Memory.class)) {
            LuceneVectorMemoryConfig config = memory.toConfig();
            assertThat(config.k()).isEqualTo(2);
            assertThat(config.embeddingFunctionConfig()).isEqualTo(new EmbeddingFunctionConfig("openai",
                    "text-embedding-3-small", EmbeddingFunctionConfig.MASK, null, null, null));
            assertThat(memory.dumpComponent().toJson()).doesNotContain("sk-test");
        }
    }

    @Test
    void pythonChromaAndRedisConfigsPointToTheLuceneMemory() {
        String chroma = """
                {"provider": "autogen_ext.memory.chromadb.ChromaDBVectorMemory", "component_type": "memory",
                 "version": 1, "component_version": 1, "description": "Store and retrieve memory using vector similarity search powered by ChromaDB.",
                 "label": "ChromaDBVectorMemory",
                 "config": {"client_type": "persistent", "collection_name": "preferences", "distance_metric": "cosine",
                  "k": 2, "score_threshold": 0.4, "allow_reset": false, "tenant": "default_tenant",
                  "database": "default_database", "embedding_function_config": {"function_type": "default"},
                  "persistence_path": "/tmp/chroma_db"}}""";
        assertThatThrownBy(() -> ComponentLoader.loadComponent(chroma, Memory.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("ChromaDBVectorMemory needs Python's chromadb client")
                .hasMessageContaining("use provider 'dev.autogen.ext.memory.lucene.LuceneVectorMemory'")
                .hasMessageContaining("/tmp/chroma_db/preferences");
        String http = chroma.replace("\"persistent\"", "\"http\"");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(http, Memory.class))
                .hasMessageContaining("a ChromaDB server ('client_type': 'http') has no Java counterpart");
        String redis = """
                {"provider": "autogen_ext.memory.redis_memory.RedisMemory", "component_type": "memory",
                 "config": {"redis_url": "redis://localhost:6379", "index_name": "chat_history"}}""";
        assertThatThrownBy(() -> ComponentLoader.loadComponent(redis, Memory.class))
                .hasMessageContaining("RedisMemory needs Python's redisvl client")
                .hasMessageContaining("dev.autogen.ext.memory.lucene.LuceneVectorMemory");
    }

    @Test
    void embeddingFunctionsThatOnlyRunInPythonAreExplained() {
        String base = """
                {"provider": "dev.autogen.ext.memory.lucene.LuceneVectorMemory", "component_type": "memory",
                 "config": {"persistence_path": "%s" EMBEDDING}}""".formatted(dir.toString().replace("\\", "\\\\"));
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.replace("EMBEDDING", ""), Memory.class))
                .hasMessageContaining("config.embedding_function_config: an embedding function is required");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.replace("EMBEDDING",
                ", \"embedding_function_config\": {\"function_type\": \"default\"}"), Memory.class))
                .hasMessageContaining("function_type 'default' is a Sentence Transformers model")
                .hasMessageContaining("'ollama'");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.replace("EMBEDDING",
                ", \"embedding_function_config\": {\"function_type\": \"custom\", \"params\": {}}"), Memory.class))
                .hasMessageContaining("names a Python callable");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(base.replace("EMBEDDING",
                ", \"distance_metric\": \"hamming\", \"embedding_function_config\": {\"function_type\": \"hashing\"}"),
                Memory.class)).hasMessageContaining("unknown distance_metric 'hamming'");
    }

    @Test
    void embeddingConfigsBuildTheirFunctions() {
        try (var ollama = EmbeddingFunctions.create(EmbeddingFunctionConfig.ollama("all-minilm", null),
                Map.of("OLLAMA_HOST", "gpu:11434"))) {
            assertThat(ollama).isInstanceOf(OllamaEmbeddingFunction.class);
            assertThat(ollama.toConfig()).contains(EmbeddingFunctionConfig.ollama("all-minilm", null));
        }
        assertThat(EmbeddingFunctions.create(EmbeddingFunctionConfig.hashing(8), Map.of()).dimension()).hasValue(8);
    }
}
