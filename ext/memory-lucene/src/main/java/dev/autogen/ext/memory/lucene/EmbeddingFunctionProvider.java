package dev.autogen.ext.memory.lucene;

import java.util.Map;
import java.util.Set;

/**
 * Builds embedding functions that live in other modules, such as the in-process model of
 * {@code autogen-ext-embeddings-minilm}, for the {@code function_type}s it names. Registered through
 * {@code META-INF/services/dev.autogen.ext.memory.lucene.EmbeddingFunctionProvider}; only classes on
 * the class path are found, never one named in a config. Implementations are stateless.
 */
public interface EmbeddingFunctionProvider {
    /** The {@code function_type}s this provider builds, e.g. {@code default}. */
    Set<String> functionTypes();

    /**
     * The function {@code config} describes.
     *
     * @throws IllegalArgumentException if the config asks for something this provider cannot build
     */
    EmbeddingFunction create(EmbeddingFunctionConfig config, Map<String, String> environment);
}
