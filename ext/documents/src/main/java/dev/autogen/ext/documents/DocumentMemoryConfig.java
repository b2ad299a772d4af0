package dev.autogen.ext.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link DocumentMemory} (Java only; Python has no counterpart):
 *
 * <pre>
 * {"memory": {"provider": "dev.autogen.ext.memory.lucene.LuceneVectorMemory", ...},
 *  "sources": ["docs/handbook", "classpath:com/example/faq"],
 *  "chunk_size": 1000, "overlap": 100, "manifest": "rag-index/manifest.json"}
 * </pre>
 *
 * @param memory the memory the documents are indexed into and queried from
 * @param sources files or folders; {@code classpath:NAME} for a file or folder among the application's
 *     resources
 * @param chunkSize the longest chunk in characters (default 1,000)
 * @param overlap about how many characters consecutive chunks share (default 100)
 * @param manifest a file that remembers what was indexed, so a persistent memory is not filled twice;
 *     null to index at every start (right for an in-memory index)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"memory", "sources", "chunk_size", "overlap", "manifest"})
public record DocumentMemoryConfig(
        @JsonProperty(required = true) ComponentModel memory,
        @JsonProperty(required = true) List<String> sources,
        @Nullable Integer chunkSize,
        @Nullable Integer overlap,
        @Nullable String manifest) {
    public DocumentMemoryConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
