/**
 * A persistent vector memory on Apache Lucene, the counterpart of {@code autogen_ext.memory.chromadb}:
 * start at {@link dev.autogen.ext.memory.lucene.LuceneVectorMemory}. Texts become vectors through an
 * {@link dev.autogen.ext.memory.lucene.EmbeddingFunction}: an OpenAI-compatible or Ollama endpoint,
 * or the local {@link dev.autogen.ext.memory.lucene.HashingEmbeddingFunction}.
 */
@NullMarked
package dev.autogen.ext.memory.lucene;

import org.jspecify.annotations.NullMarked;
