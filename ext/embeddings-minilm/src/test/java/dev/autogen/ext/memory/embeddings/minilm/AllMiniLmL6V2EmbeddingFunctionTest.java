package dev.autogen.ext.memory.embeddings.minilm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllMiniLmL6V2EmbeddingFunctionTest {
    @TempDir
    Path dir;

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        var embeddings = new AllMiniLmL6V2EmbeddingFunction();
        List<float[]> v = embeddings.embed(List.of("The cat sits on the mat", "A kitten is sitting on a rug",
                "Quarterly revenue grew by ten percent", ""), new CancellationToken());

        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(dot(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void pythonsDefaultChromaConfigLoadsWithOnlyItsProviderChanged() {
        String json = """
                {"provider": "dev.autogen.ext.memory.lucene.LuceneVectorMemory", "component_type": "memory",
                 "config": {"client_type": "persistent", "collection_name": "preferences", "distance_metric": "cosine",
                  "k": 1, "allow_reset": false, "tenant": "default_tenant", "database": "default_database",
                  "embedding_function_config": {"function_type": "default"}, "persistence_path": "%s"}}"""
                .formatted(dir.toString().replace("\\", "\\\\"));
        try (var memory = (LuceneVectorMemory) ComponentLoader.loadComponent(json, Memory.class)) {
            memory.add(new MemoryContent("The user prefers weather temperatures in Celsius", MemoryMimeType.TEXT));
            memory.add(new MemoryContent("The user's favourite colour is green", MemoryMimeType.TEXT));
            assertThat(memory.query("What's the temperature in New York?", Map.of(), new CancellationToken()).results())
                    .extracting(MemoryContent::content).containsExactly("The user prefers weather temperatures in Celsius");
        }
        String noEmbedding = json.replace("\"embedding_function_config\": {\"function_type\": \"default\"}, ", "");
        try (var memory = (LuceneVectorMemory) ComponentLoader.loadComponent(noEmbedding, Memory.class)) {
            assertThat(memory.toConfig().embeddingFunctionConfig().functionType()).isEqualTo("default");
        }
        String otherModel = json.replace("{\"function_type\": \"default\"}",
                "{\"function_type\": \"sentence_transformer\", \"model_name\": \"paraphrase-multilingual-mpnet-base-v2\"}");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(otherModel, Memory.class))
                .hasMessageContaining("model_name 'paraphrase-multilingual-mpnet-base-v2' is not available in Java");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
