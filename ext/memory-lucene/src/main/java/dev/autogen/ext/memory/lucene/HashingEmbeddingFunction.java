package dev.autogen.ext.memory.lucene;

import dev.autogen.core.CancellationToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deterministic, local embedding: each lower-cased word of the text adds ±1 to the dimension its
 * hash picks (the "hashing trick"), and the vector is scaled to length 1. Texts that share words are
 * close; there is no notion of meaning. For tests, demos and offline use; config
 * {@code {"function_type": "hashing", "dimensions": 256}}. A text without words gets the unit vector
 * of the first dimension.
 */
public final class HashingEmbeddingFunction implements EmbeddingFunction {
    /** The dimensions when a config gives none. */
    public static final int DEFAULT_DIMENSIONS = 256;

    private final int dimensions;

    /**
     * @throws IllegalArgumentException if {@code dimensions} is not positive
     */
    public HashingEmbeddingFunction(int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        this.dimensions = dimensions;
    }

    @Override
    public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
        cancellationToken.throwIfCancelled();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embedOne(text));
        }
        return vectors;
    }

    private float[] embedOne(String text) {
        float[] vector = new float[dimensions];
        boolean any = false;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long hash = fnv1a(word);
            int index = (int) Long.remainderUnsigned(hash, dimensions);
            vector[index] += (hash >>> 63) == 0 ? 1 : -1;
            any = true;
        }
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        if (!any || norm == 0) {
            vector = new float[dimensions];
            vector[0] = 1;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static long fnv1a(String word) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public OptionalInt dimension() {
        return OptionalInt.of(dimensions);
    }

    @Override
    public Optional<EmbeddingFunctionConfig> toConfig() {
        return Optional.of(EmbeddingFunctionConfig.hashing(dimensions));
    }
}
