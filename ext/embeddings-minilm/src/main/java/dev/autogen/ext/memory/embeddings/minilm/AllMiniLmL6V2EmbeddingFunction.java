package dev.autogen.ext.memory.embeddings.minilm;

import dev.autogen.core.CancellationToken;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import dev.autogen.ext.memory.lucene.EmbeddingFunctionConfig;
import dev.autogen.ext.memory.lucene.EmbeddingFunctionProvider;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 sentence-embedding model (384 dimensions, vectors of length 1), run in this
 * process on ONNX Runtime: the model Python's ChromaDB uses by default, packaged in a Maven artifact
 * by LangChain4j, so nothing is downloaded or started at run time. The model is loaded once per JVM,
 * at the first use (about a second), and shared. Config {@code {"function_type": "default"}} (Python's
 * default) or {@code {"function_type": "sentence_transformer", "model_name": "all-MiniLM-L6-v2"}}.
 *
 * <!-- java-context: import dev.autogen.ext.memory.lucene.LuceneVectorMemory; -->
 * <pre>{@code
 * try (var memory = LuceneVectorMemory.builder(new AllMiniLmL6V2EmbeddingFunction()).build()) {
 *     memory.add(new dev.autogen.core.memory.MemoryContent("The user prefers metric units",
 *             dev.autogen.core.memory.MemoryMimeType.TEXT));
 * }
 * }</pre>
 *
 * <p>Texts longer than the model's 256 word pieces are embedded by LangChain4j in parts whose vectors
 * are averaged; a blank text is embedded as {@code "."}. Thread-safe.
 */
public final class AllMiniLmL6V2EmbeddingFunction implements EmbeddingFunction {
    /** The model's name, as Sentence Transformers writes it. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2";
    /** The vector length. */
    public static final int DIMENSIONS = 384;

    private static final Logger LOG = LoggerFactory.getLogger(AllMiniLmL6V2EmbeddingFunction.class);

    /** Holds the model, loaded at the first use. */
    private static final class Model {
        static final AllMiniLmL6V2EmbeddingModel INSTANCE = load();

        private static AllMiniLmL6V2EmbeddingModel load() {
            long start = System.nanoTime();
            var model = new AllMiniLmL6V2EmbeddingModel();
            LOG.debug("Loaded {} in {} ms", MODEL_NAME, (System.nanoTime() - start) / 1_000_000);
            return model;
        }
    }

    @Override
    public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
        cancellationToken.throwIfCancelled();
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            // LangChain4j refuses blank segments; a blank text gets the vector of "."
            segments.add(TextSegment.from(text.isBlank() ? "." : text));
        }
        List<Embedding> embeddings = Model.INSTANCE.embedAll(segments).content();
        cancellationToken.throwIfCancelled();
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Override
    public OptionalInt dimension() {
        return OptionalInt.of(DIMENSIONS);
    }

    @Override
    public Optional<EmbeddingFunctionConfig> toConfig() {
        return Optional.of(EmbeddingFunctionConfig.pythonDefault());
    }

    /** Builds the function for {@code default} and {@code sentence_transformer} configs; found through {@code META-INF/services}. */
    public static final class Provider implements EmbeddingFunctionProvider {
        @Override
        public Set<String> functionTypes() {
            return Set.of("default", "sentence_transformer");
        }

        @Override
        public EmbeddingFunction create(EmbeddingFunctionConfig config, Map<String, String> environment) {
            String model = config.modelName();
            if (model != null && !model.equals(MODEL_NAME) && !model.equals("sentence-transformers/" + MODEL_NAME)) {
                throw new IllegalArgumentException("sentence_transformer model_name '" + model + "' is not available in"
                        + " Java; the in-process model is '" + MODEL_NAME + "'; serve other models with function_type"
                        + " 'ollama' or 'openai' (e.g. text-embeddings-inference)");
            }
            return new AllMiniLmL6V2EmbeddingFunction();
        }
    }
}
