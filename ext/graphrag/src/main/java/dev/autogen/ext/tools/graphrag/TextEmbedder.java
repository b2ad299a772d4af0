package dev.autogen.ext.tools.graphrag;

/**
 * Embeds the query of a local search with the same model that embedded the entity descriptions when
 * the index was built (GraphRAG's {@code default_embedding_model}).
 */
@FunctionalInterface
public interface TextEmbedder {
    /** The embedding of {@code text}. */
    float[] embed(String text) throws Exception;
}
