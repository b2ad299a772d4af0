package dev.autogen.ext.memory.lucene;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link LuceneVectorMemory}, with the field names of Python's
 * {@code PersistentChromaDBVectorMemoryConfig}:
 *
 * <pre>
 * {"collection_name": "memory_store", "persistence_path": "./autogen_memory", "k": 3,
 *  "score_threshold": 0.5, "distance_metric": "cosine",
 *  "embedding_function_config": {"function_type": "ollama", "model_name": "all-minilm"},
 *  "hybrid_search": false, "keyword_weight": 0.3, "search_candidates": 100}
 * </pre>
 *
 * <p>Chroma's {@code client_type}, {@code allow_reset}, {@code tenant} and {@code database} are
 * accepted and ignored, so a Python config needs only its provider changed.
 *
 * @param collectionName the collection, a folder under {@code persistencePath}
 *     (default {@value LuceneVectorMemory#DEFAULT_COLLECTION})
 * @param persistencePath the folder of the collections (default {@value LuceneVectorMemory#DEFAULT_PATH})
 * @param k how many results a query returns at most (default 3)
 * @param scoreThreshold the lowest score returned, or null for any
 * @param distanceMetric {@code cosine} (default), {@code l2} or {@code ip}
 * @param embeddingFunctionConfig how texts become vectors; when absent, Python's default ({@code function_type}
 *     {@code default}, all-MiniLM-L6-v2 in process), which needs the module {@code autogen-ext-embeddings-minilm}
 * @param hybridSearch whether to mix BM25 keyword scores into the ranking (Java only; default false)
 * @param keywordWeight the keyword score's share in a hybrid search, between 0 and 1 (Java only; default 0.3)
 * @param searchCandidates how many candidates a vector search collects before keeping the best {@code k}:
 *     more finds more of the true nearest neighbours in a large collection, at the cost of query time
 *     (Java only; default 100)
 * @param inMemory whether the index lives in the heap rather than under {@code persistencePath}, gone when
 *     the memory closes (Java only; default false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"client_type", "allow_reset", "tenant", "database"})
@JsonPropertyOrder({"collection_name", "persistence_path", "k", "score_threshold", "distance_metric",
    "embedding_function_config", "hybrid_search", "keyword_weight", "search_candidates", "in_memory"})
public record LuceneVectorMemoryConfig(
        @Nullable String collectionName,
        @Nullable String persistencePath,
        @Nullable Integer k,
        @Nullable Double scoreThreshold,
        @Nullable String distanceMetric,
        @Nullable EmbeddingFunctionConfig embeddingFunctionConfig,
        @Nullable Boolean hybridSearch,
        @Nullable Double keywordWeight,
        @Nullable Integer searchCandidates,
        @Nullable Boolean inMemory) {
    public LuceneVectorMemoryConfig {
        collectionName = collectionName == null ? LuceneVectorMemory.DEFAULT_COLLECTION : collectionName;
        persistencePath = persistencePath == null ? LuceneVectorMemory.DEFAULT_PATH : persistencePath;
        k = k == null ? LuceneVectorMemory.DEFAULT_K : k;
        distanceMetric = distanceMetric == null ? DistanceMetric.COSINE.value() : distanceMetric;
        hybridSearch = hybridSearch != null && hybridSearch;
        keywordWeight = keywordWeight == null ? LuceneVectorMemory.DEFAULT_KEYWORD_WEIGHT : keywordWeight;
        searchCandidates = searchCandidates == null ? LuceneVectorMemory.DEFAULT_SEARCH_CANDIDATES : searchCandidates;
        inMemory = inMemory != null && inMemory;
    }
}
