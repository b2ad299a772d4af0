package dev.autogen.ext.memory.lucene;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How {@link LuceneVectorMemory} compares vectors, with the names and the scores of Python's
 * {@code ChromaDBVectorMemory} ({@code distance_metric}). Scores are Python's
 * {@code _calculate_score} of Chroma's distance for the metric:
 *
 * <ul>
 *   <li>{@code cosine}: distance {@code 1 - cos}, score {@code 1 - distance / 2 = (1 + cos) / 2}, in [0, 1];
 *   <li>{@code l2}: distance the squared Euclidean distance {@code d²}, score {@code 1 / (1 + d²)}, in (0, 1];
 *   <li>{@code ip}: distance {@code 1 - dot}, score {@code 1 / (2 - dot)}; meant, as in Chroma, for
 *       embeddings of length 1 (then in [1/3, 1]).
 * </ul>
 */
public enum DistanceMetric {
    /** Cosine similarity, the default. Vectors are stored normalized to length 1. */
    COSINE("cosine", VectorSimilarityFunction.DOT_PRODUCT),
    /** Euclidean (L2) distance. */
    L2("l2", VectorSimilarityFunction.EUCLIDEAN),
    /** Inner (dot) product. */
    IP("ip", VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT);

    private final String value;
    private final VectorSimilarityFunction function;

    DistanceMetric(String value, VectorSimilarityFunction function) {
        this.value = value;
        this.function = function;
    }

    /** The name in configs: {@code cosine}, {@code l2} or {@code ip}. */
    public String value() {
        return value;
    }

    /**
     * The metric named {@code value} ({@code cosine}, {@code l2}, {@code ip}; case-insensitive;
     * {@code euclidean} and {@code inner_product} too).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static DistanceMetric parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "cosine" -> COSINE;
            case "l2", "euclidean" -> L2;
            case "ip", "inner_product", "dot_product" -> IP;
            default -> throw new IllegalArgumentException("unknown distance_metric '" + value + "'; expected one of "
                    + Arrays.stream(values()).map(m -> "'" + m.value + "'").collect(Collectors.joining(", ")));
        };
    }

    /** The Lucene function the index is built with. */
    VectorSimilarityFunction function() {
        return function;
    }

    /**
     * The vector as stored and searched: a copy normalized to length 1 for {@link #COSINE}, else a copy.
     *
     * @throws IllegalArgumentException if a cosine vector is all zeros or any component is not finite
     */
    float[] prepare(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("embedding has a component that is not a finite number: " + x);
            }
            norm += (double) x * x;
        }
        float[] copy = vector.clone();
        if (this == COSINE) {
            if (norm == 0) {
                throw new IllegalArgumentException("embedding is all zeros, which has no cosine similarity to anything");
            }
            double length = Math.sqrt(norm);
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (float) (copy[i] / length);
            }
        }
        return copy;
    }

    /** The score Python reports for the Lucene score {@code luceneScore} of this metric. */
    double score(float luceneScore) {
        return switch (this) {
            // DOT_PRODUCT on unit vectors scores (1 + cos) / 2; EUCLIDEAN scores 1 / (1 + d²): both Python's already
            case COSINE, L2 -> luceneScore;
            case IP -> {
                double dot = luceneScore < 1 ? 1 - 1 / (double) luceneScore : luceneScore - 1;
                yield 1 / (2 - dot);
            }
        };
    }

    /** The score Python reports for the prepared vectors {@code query} and {@code stored}. */
    double score(float[] query, float[] stored) {
        return score(function.compare(query, stored));
    }
}
