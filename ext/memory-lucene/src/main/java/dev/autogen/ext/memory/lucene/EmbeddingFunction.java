package dev.autogen.ext.memory.lucene;

import dev.autogen.core.CancellationToken;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns texts into vectors, the counterpart of ChromaDB's embedding functions in Python's
 * {@code ChromaDBVectorMemory}. Implementations: {@link OpenAIEmbeddingFunction} (any
 * OpenAI-compatible {@code /v1/embeddings} endpoint), {@link OllamaEmbeddingFunction}
 * ({@code /api/embed}) and {@link HashingEmbeddingFunction} (deterministic and local, for tests).
 *
 * <!-- java-context: import java.util.List; -->
 * <pre>{@code
 * EmbeddingFunction embeddings = new HashingEmbeddingFunction(256);
 * List<float[]> vectors = embeddings.embed(List.of("Paris is in France", "Rome is in Italy"), new CancellationToken());
 * }</pre>
 *
 * <p>Implementations are thread-safe; calls block and are meant for virtual threads.
 */
public interface EmbeddingFunction extends AutoCloseable {
    /**
     * One vector per text, in the order of {@code texts}.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     * @throws RuntimeException if the embedding service fails; the message says which and why
     */
    List<float[]> embed(List<String> texts, CancellationToken cancellationToken);

    /** The vector of one text. */
    default float[] embed(String text, CancellationToken cancellationToken) {
        return embed(List.of(text), cancellationToken).getFirst();
    }

    /** The length of the vectors, when known before the first call. */
    default OptionalInt dimension() {
        return OptionalInt.empty();
    }

    /** The config that re-creates this function, if it has one (a function written in code has none). */
    default Optional<EmbeddingFunctionConfig> toConfig() {
        return Optional.empty();
    }

    /** Releases what the function holds (an HTTP client); by default nothing. */
    @Override
    default void close() {
    }
}
