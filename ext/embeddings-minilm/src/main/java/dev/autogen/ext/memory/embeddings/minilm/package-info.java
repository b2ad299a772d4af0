/**
 * The in-process default embedding model, {@link
 * dev.autogen.ext.memory.embeddings.minilm.AllMiniLmL6V2EmbeddingFunction} (all-MiniLM-L6-v2 on ONNX
 * Runtime), for {@code LuceneVectorMemory} and any other user of
 * {@link dev.autogen.ext.memory.lucene.EmbeddingFunction}.
 */
@NullMarked
package dev.autogen.ext.memory.embeddings.minilm;

import org.jspecify.annotations.NullMarked;
