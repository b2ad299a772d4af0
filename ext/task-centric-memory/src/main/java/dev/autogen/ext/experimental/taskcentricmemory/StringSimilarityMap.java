package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.ext.memory.lucene.DistanceMetric;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs of strings found again by the similarity of their first string, as Python's
 * {@code StringSimilarityMap}: here a {@link LuceneVectorMemory} under {@code folder/string_map} whose
 * items are the input strings, with the output string in their metadata. Distances are Chroma's
 * default, the squared Euclidean distance of the embeddings (from 0 to 4 for vectors of length 1).
 */
final class StringSimilarityMap implements AutoCloseable {
    static final String COLLECTION = "string_map";
    private static final String OUTPUT = "output";
    private static final Logger LOG = LoggerFactory.getLogger(StringSimilarityMap.class);

    private final LuceneVectorMemory vectors;

    StringSimilarityMap(Path folder, EmbeddingFunction embeddings, int nResults) {
        this.vectors = LuceneVectorMemory.builder(embeddings).persistencePath(folder).collectionName(COLLECTION)
                .distanceMetric(DistanceMetric.L2).k(nResults).build();
    }

    /** A related input string, the output string paired with it and its distance to the query. */
    record Match(String input, String output, double distance) {
    }

    void add(String input, String output) {
        vectors.add(new MemoryContent(input, MemoryMimeType.TEXT, Map.of(OUTPUT, output)), new CancellationToken());
        LOG.debug("String pair added: '{}' -> {}", input, output);
    }

    /** Up to {@code nResults} (as built) pairs closest to {@code query}, closer than {@code threshold}. */
    List<Match> related(String query, double threshold) {
        if (vectors.size() == 0) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (MemoryContent item : vectors.query(query).results()) {
            Map<String, Object> metadata = item.metadata();
            double score = ((Number) metadata.get("score")).doubleValue();
            // Lucene's Euclidean score is 1 / (1 + d²): back to Chroma's squared distance
            double distance = 1 / score - 1;
            if (distance < threshold) {
                Match match = new Match((String) item.content(), String.valueOf(metadata.get(OUTPUT)), distance);
                LOG.debug("String pair retrieved: '{}' -> {} at distance {}", match.input(), match.output(), distance);
                matches.add(match);
            }
        }
        return matches;
    }

    /** Deletes every pair, on disk too. */
    void clear() {
        vectors.clear();
    }

    @Override
    public void close() {
        vectors.close();
    }
}
