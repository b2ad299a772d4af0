package dev.autogen.ext.memory.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorMemoryTest {
    private static final CancellationToken TOKEN = new CancellationToken();

    @TempDir
    Path dir;

    private LuceneVectorMemory.Builder memory(EmbeddingFunction embeddings) {
        return LuceneVectorMemory.builder(embeddings).persistencePath(dir).collectionName("test");
    }

    private static MemoryContent text(String text, Map<String, Object> metadata) {
        return new MemoryContent(text, MemoryMimeType.TEXT, metadata);
    }

    @Test
    void aSecondMemoryOnTheSameFolderFindsWhatTheFirstAdded() {
        var embeddings = new HashingEmbeddingFunction(64);
        try (var first = memory(embeddings).build()) {
            first.add(text("The user prefers metric units", Map.of("category", "units", "year", 2024)));
            first.add(new MemoryContent(Map.of("city", "Paris"), MemoryMimeType.JSON, Map.of("category", "home")));
        }
        try (var second = memory(embeddings).k(5).build()) {
            assertThat(second.size()).isEqualTo(2);
            MemoryQueryResult found = second.query("Which units does the user prefer?", Map.of("category", "units"), TOKEN);
            assertThat(found.results()).singleElement().satisfies(item -> {
                assertThat(item.content()).isEqualTo("The user prefers metric units");
                assertThat(item.mimeType()).isEqualTo("text/plain");
                assertThat(item.metadata()).containsEntry("category", "units").containsEntry("year", 2024)
                        .containsEntry("mime_type", "text/plain").containsKeys("score", "id");
            });
            MemoryQueryResult json = second.query("city", Map.of("category", "home"), TOKEN);
            assertThat(json.results()).singleElement().satisfies(item -> {
                assertThat(item.content()).isEqualTo(Map.of("city", "Paris"));
                assertThat(item.mimeType()).isEqualTo("application/json");
            });
        }
    }

    @Test
    void anInMemoryCollectionWritesNothingAndForgetsOnClose() throws Exception {
        var embeddings = new HashingEmbeddingFunction(64);
        String json;
        try (var memory = memory(embeddings).inMemory(true).build()) {
            memory.add(text("The user prefers metric units", Map.of("category", "units")));
            memory.add(text("The user lives in Paris", Map.of("category", "home")));
            assertThat(memory.query("Which units?", Map.of("category", "units"), TOKEN).results())
                    .singleElement().satisfies(item -> assertThat(item.content()).isEqualTo("The user prefers metric units"));
            json = memory.dumpComponent().toJson();
        }
        assertThat(json).contains("\"in_memory\":true");
        try (Stream<Path> written = Files.list(dir)) {
            assertThat(written).isEmpty();
        }
        try (var again = (LuceneVectorMemory) ComponentLoader.loadComponent(json, Memory.class)) {
            assertThat(again.toConfig().inMemory()).isTrue();
            assertThat(again.size()).isZero();
        }
    }

    @Test
    void topKFollowsBruteForceCosineWithPythonsScores() {
        var random = new Random(7);
        var embeddings = new TableEmbedding();
        List<float[]> vectors = new ArrayList<>();
        List<MemoryContent> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] v = randomVector(random, 24);
            vectors.add(v);
            embeddings.put("doc-" + i, v);
            items.add(text("doc-" + i, Map.of("n", i)));
        }
        try (var memory = memory(embeddings).k(10).build()) {
            memory.addAll(items, TOKEN);
            for (int q = 0; q < 20; q++) {
                float[] query = randomVector(random, 24);
                embeddings.put("query-" + q, query);
                List<Integer> expected = IntStream.range(0, vectors.size()).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> cosine(query, vectors.get(i))).reversed())
                        .limit(10).toList();

                List<MemoryContent> found = memory.query("query-" + q, Map.of(), TOKEN).results();

                assertThat(found).extracting(item -> item.metadata().get("n")).containsExactlyElementsOf(expected);
                for (int r = 0; r < found.size(); r++) {
                    double cos = cosine(query, vectors.get(expected.get(r)));
                    assertThat((double) found.get(r).metadata().get("score")).isCloseTo(1 - (1 - cos) / 2, within(1e-5));
                }
            }
        }
    }

    @Test
    void l2AndInnerProductScoreAsPythonDoes() {
        var embeddings = new TableEmbedding().put("a", 1, 0).put("b", 0.6f, 0.8f).put("q", 1, 0);
        try (var l2 = memory(embeddings).collectionName("l2").distanceMetric(DistanceMetric.L2).build();
                var ip = memory(embeddings).collectionName("ip").distanceMetric(DistanceMetric.IP).build()) {
            for (var memory : List.of(l2, ip)) {
                memory.add(text("a", Map.of()));
                memory.add(text("b", Map.of()));
            }
            List<MemoryContent> byL2 = l2.query("q").results();
            assertThat(byL2).extracting(MemoryContent::content).containsExactly("a", "b");
            double squared = 0.4 * 0.4 + 0.8 * 0.8;   // |q - b|²
            assertThat((double) byL2.get(0).metadata().get("score")).isCloseTo(1.0, within(1e-6));
            assertThat((double) byL2.get(1).metadata().get("score")).isCloseTo(1 / (1 + squared), within(1e-6));

            List<MemoryContent> byIp = ip.query("q").results();
            assertThat(byIp).extracting(MemoryContent::content).containsExactly("a", "b");
            assertThat((double) byIp.get(0).metadata().get("score")).isCloseTo(1 / (1 + (1 - 1.0)), within(1e-6));
            assertThat((double) byIp.get(1).metadata().get("score")).isCloseTo(1 / (1 + (1 - 0.6)), within(1e-6));
        }
    }

    @Test
    void scoreThresholdDropsWeakMatchesAndKLimitsTheRest() {
        var embeddings = new TableEmbedding().put("q", 1, 0, 0)
                .put("same", 1, 0, 0).put("close", 0.9f, 0.1f, 0).put("orthogonal", 0, 1, 0).put("opposite", -1, 0, 0);
        try (var memory = memory(embeddings).k(3).scoreThreshold(0.75).build()) {
            for (String t : List.of("same", "close", "orthogonal", "opposite")) {
                memory.add(text(t, Map.of()));
            }
            // cosine scores: 1, ~0.997, 0.5, 0: the threshold keeps two of the three nearest
            assertThat(memory.query("q").results()).extracting(MemoryContent::content).containsExactly("same", "close");
        }
        try (var memory = memory(embeddings).k(2).build()) {
            assertThat(memory.query("q").results()).extracting(MemoryContent::content).containsExactly("same", "close");
        }
    }

    @Test
    void metadataFiltersRestrictTheSearchBeforeRanking() {
        var random = new Random(3);
        var embeddings = new TableEmbedding().put("q", 1, 0, 0, 0);
        List<MemoryContent> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] v = randomVector(random, 4);
            String category = i % 10 == 0 ? "rare" : "common";
            if (category.equals("common")) {
                v[0] += 3;   // every common item is nearer to q than any rare one
            }
            embeddings.put("item-" + i, v);
            items.add(text("item-" + i, Map.of("category", category, "even", i % 2 == 0, "n", i)));
        }
        try (var memory = memory(embeddings).k(5).build()) {
            memory.addAll(items, TOKEN);
            assertThat(memory.query("q", Map.of("category", "rare"), TOKEN).results()).hasSize(5)
                    .allSatisfy(item -> assertThat(item.metadata()).containsEntry("category", "rare"));
            assertThat(memory.query("q", Map.of("category", "rare", "even", true, "n", 20.0), TOKEN).results())
                    .extracting(MemoryContent::content).containsExactly("item-20");
            assertThat(memory.query("q", Map.of("category", "none"), TOKEN).results()).isEmpty();
            assertThatThrownBy(() -> memory.query("q", Map.of("$and", List.of()), TOKEN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator '$and' is not supported");
            assertThatThrownBy(() -> memory.query("q", Map.of("n", Map.of("$gt", 3)), TOKEN))
                    .hasMessageContaining("metadata filter 'n'");
        }
    }

    @Test
    void concurrentAddsAndQueriesAllLand() throws Exception {
        var embeddings = new HashingEmbeddingFunction(32);
        try (var memory = memory(embeddings).k(3).build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        memory.add(text("fact " + thread + " number " + i, Map.of("thread", thread)));
                        assertThat(memory.query("fact " + thread + " number " + i, Map.of("thread", thread), TOKEN)
                                .results()).isNotEmpty();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            assertThat(memory.size()).isEqualTo(160);
            assertThat(memory.query("fact 5 number 7", Map.of("thread", 5), TOKEN).results().getFirst().content())
                    .isEqualTo("fact 5 number 7");
        }
    }

    @Test
    void updateContextQueriesWithTheLastMessageAndAddsASystemMessage() {
        var embeddings = new HashingEmbeddingFunction(64);
        try (var memory = memory(embeddings).k(1).build()) {
            memory.add(text("The user prefers metric units", Map.of()));
            memory.add(text("The user's dog is called Rex", Map.of()));
            var context = new UnboundedChatCompletionContext();
            assertThat(memory.updateContext(context).memories().results()).isEmpty();

            context.addMessage(new UserMessage("What units does the user prefer?", "user"));
            UpdateContextResult added = memory.updateContext(context);

            assertThat(added.memories().results()).extracting(MemoryContent::content)
                    .containsExactly("The user prefers metric units");
            List<LLMMessage> messages = context.getMessages();
            assertThat(messages.getLast()).isEqualTo(new SystemMessage("\nRelevant memory content:\n1. The user prefers metric units"));
        }
    }

    @Test
    void hybridSearchLetsAnExactKeywordWin() {
        var embeddings = new TableEmbedding().put("invoice 4711", 1, 0)
                .put("payment reminder", 0.95f, 0.3f).put("invoice number 4711 was paid", 0.6f, 0.8f);
        try (var vectorOnly = memory(embeddings).collectionName("vector").k(1).build();
                var hybrid = memory(embeddings).collectionName("hybrid").k(1).hybridSearch(true).keywordWeight(0.5).build()) {
            for (var memory : List.of(vectorOnly, hybrid)) {
                memory.add(text("payment reminder", Map.of()));
                memory.add(text("invoice number 4711 was paid", Map.of()));
            }
            assertThat(vectorOnly.query("invoice 4711").results()).extracting(MemoryContent::content)
                    .containsExactly("payment reminder");
            MemoryContent best = hybrid.query("invoice 4711").results().getFirst();
            assertThat(best.content()).isEqualTo("invoice number 4711 was paid");
            assertThat(best.metadata()).containsEntry("keyword_score", 1.0).containsKeys("vector_score", "score");
        }
    }

    @Test
    void clearEmptiesTheFolderForGood() {
        var embeddings = new HashingEmbeddingFunction(16);
        try (var memory = memory(embeddings).build()) {
            memory.add(text("something", Map.of()));
            memory.clear();
            assertThat(memory.query("something").results()).isEmpty();
        }
        try (var again = memory(embeddings).build()) {
            assertThat(again.size()).isZero();
        }
    }

    @Test
    void mismatchesAndMisuseAreExplained() {
        try (var memory = memory(new HashingEmbeddingFunction(16)).build()) {
            memory.add(text("first", Map.of()));
            assertThatThrownBy(() -> memory.add(new MemoryContent(Image.fromBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "image/png"), MemoryMimeType.IMAGE)))
                    .hasMessageContaining("image content cannot be converted to text");
        }
        try (var other = memory(new HashingEmbeddingFunction(32)).build()) {
            assertThatThrownBy(() -> other.add(text("second", Map.of())))
                    .hasMessageContaining("has 32 dimensions").hasMessageContaining("holds vectors of 16");
            assertThatThrownBy(() -> other.query("second")).hasMessageContaining("holds vectors of 16");
        }
        var l2 = memory(new HashingEmbeddingFunction(16)).distanceMetric(DistanceMetric.L2).build();
        assertThatThrownBy(l2::size).hasMessageContaining("created with distance_metric 'cosine', not 'l2'");
        l2.close();

        var first = memory(new HashingEmbeddingFunction(16)).build();
        var second = memory(new HashingEmbeddingFunction(16)).build();
        first.size();
        assertThatThrownBy(second::size).hasMessageContaining("is open in another memory or process");
        first.close();
        second.close();
        assertThatThrownBy(first::size).hasMessageContaining("memory 'test' is closed");

        assertThatThrownBy(() -> LuceneVectorMemory.builder(new HashingEmbeddingFunction(4)).collectionName("../up"))
                .hasMessageContaining("collection_name '../up'");
        assertThatThrownBy(() -> DistanceMetric.parse("manhattan")).hasMessage(
                "unknown distance_metric 'manhattan'; expected one of 'cosine', 'l2', 'ip'");
        var cancelled = new CancellationToken();
        cancelled.cancel();
        try (var memory = memory(new HashingEmbeddingFunction(16)).build()) {
            assertThatThrownBy(() -> memory.add(text("x", Map.of()), cancelled)).isInstanceOf(CancellationException.class);
        }
    }

    static float[] randomVector(Random random, int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
