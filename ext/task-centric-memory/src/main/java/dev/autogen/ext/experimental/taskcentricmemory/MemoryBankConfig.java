package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.ext.memory.lucene.EmbeddingFunctionConfig;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link MemoryBank}, with the field names of Python's {@code MemoryBankConfig}:
 *
 * <pre>
 * {"path": "./memory_bank/default", "relevance_conversion_threshold": 1.7, "n_results": 25,
 *  "distance_threshold": 100, "embedding_function_config": {"function_type": "default"}}
 * </pre>
 *
 * @param path the folder the memory bank is kept in (default {@value #DEFAULT_PATH}); {@code ~} is the home folder
 * @param relevanceConversionThreshold a topic match at squared distance {@code d} adds
 *     {@code threshold - d} to its memo's relevance; memos of relevance 0 or more are returned (default 1.7)
 * @param nResults the most stored topics matched per query topic (default 25)
 * @param distanceThreshold the largest squared distance of a topic match (default 100, i.e. any)
 * @param embeddingFunctionConfig how topics become vectors (Java only); when absent, all-MiniLM-L6-v2 in
 *     process, the model Chroma embeds with in Python
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "relevance_conversion_threshold", "n_results", "distance_threshold",
    "embedding_function_config"})
public record MemoryBankConfig(
        @Nullable String path,
        @Nullable Double relevanceConversionThreshold,
        @Nullable Integer nResults,
        @Nullable Double distanceThreshold,
        @Nullable EmbeddingFunctionConfig embeddingFunctionConfig) {
    /** Python's default folder. */
    public static final String DEFAULT_PATH = "./memory_bank/default";
    /** Python's default relevance conversion threshold. */
    public static final double DEFAULT_RELEVANCE_CONVERSION_THRESHOLD = 1.7;
    /** Python's default number of matches per topic. */
    public static final int DEFAULT_N_RESULTS = 25;
    /** Python's default distance threshold. */
    public static final double DEFAULT_DISTANCE_THRESHOLD = 100;

    /**
     * @throws IllegalArgumentException for an empty path or an {@code n_results} below 1, naming the field
     */
    public MemoryBankConfig {
        if (path != null && path.isBlank()) {
            throw new IllegalArgumentException("path must name a folder, got an empty string");
        }
        MemoryControllerConfig.positive("n_results", nResults);
    }

    /** Every setting at Python's default. */
    public static MemoryBankConfig defaults() {
        return new MemoryBankConfig(null, null, null, null, null);
    }

    /** The defaults, kept at {@code path}. */
    public static MemoryBankConfig at(String path) {
        return new MemoryBankConfig(path, null, null, null, null);
    }

    /** The folder, or the default. */
    public String pathOrDefault() {
        return path == null ? DEFAULT_PATH : path;
    }

    /** The relevance conversion threshold, or the default. */
    public double relevanceConversionThresholdOrDefault() {
        return relevanceConversionThreshold == null ? DEFAULT_RELEVANCE_CONVERSION_THRESHOLD : relevanceConversionThreshold;
    }

    /** The number of matches per topic, or the default. */
    public int nResultsOrDefault() {
        return nResults == null ? DEFAULT_N_RESULTS : nResults;
    }

    /** The distance threshold, or the default. */
    public double distanceThresholdOrDefault() {
        return distanceThreshold == null ? DEFAULT_DISTANCE_THRESHOLD : distanceThreshold;
    }

    /** The embedding function's config, or Python's default (all-MiniLM-L6-v2). */
    public EmbeddingFunctionConfig embeddingFunctionConfigOrDefault() {
        return embeddingFunctionConfig == null ? EmbeddingFunctionConfig.pythonDefault() : embeddingFunctionConfig;
    }

    /** A copy kept at {@code newPath}. */
    public MemoryBankConfig withPath(String newPath) {
        return new MemoryBankConfig(newPath, relevanceConversionThreshold, nResults, distanceThreshold,
                embeddingFunctionConfig);
    }
}
