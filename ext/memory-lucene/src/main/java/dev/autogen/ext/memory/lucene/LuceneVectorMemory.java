package dev.autogen.ext.memory.lucene;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.memory.DeletableMemory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent vector memory on Apache Lucene, the Java counterpart of Python's
 * {@code ChromaDBVectorMemory}: items are embedded, stored in a folder ({@code persistence_path/collection_name},
 * nothing to start) and found again by HNSW nearest-neighbour search, optionally mixed with BM25
 * keyword scores. {@link #updateContext} queries with the last message of the context and adds what
 * it finds as one {@link SystemMessage}, worded as Python's:
 *
 * <pre>
 *
 * Relevant memory content:
 * 1. The user prefers metric units
 * </pre>
 *
 * <!-- java-context: import java.nio.file.Path; -->
 * <pre>{@code
 * try (var memory = LuceneVectorMemory.builder(new HashingEmbeddingFunction(256))
 *         .persistencePath(Path.of("memory")).collectionName("preferences").k(3).scoreThreshold(0.5)
 *         .build()) {
 *     memory.add(new MemoryContent("The user prefers metric units", MemoryMimeType.TEXT,
 *             Map.of("category", "units")));
 *     MemoryQueryResult found = memory.query("Which units?", Map.of("category", "units"), new CancellationToken());
 * }
 * }</pre>
 *
 * <p>Each result carries its metadata plus {@code mime_type}, {@code score} (higher is closer; see
 * {@link DistanceMetric}) and {@code id}, as in Python; a hybrid search adds {@code vector_score}
 * and {@code keyword_score}. The folder is opened at the first use and stays open (locked against
 * other writers) until {@link #close}. With {@link Builder#inMemory(boolean) inMemory}, the index is
 * kept in the heap instead and nothing is written: for a small document set indexed at start-up.
 * Thread-safe: adds and queries may run concurrently.
 */
public final class LuceneVectorMemory implements DeletableMemory, Component<LuceneVectorMemoryConfig> {
    /** The provider string of this component. */
    public static final String PROVIDER = "dev.autogen.ext.memory.lucene.LuceneVectorMemory";
    /** The description written in this component's config. */
    public static final String DESCRIPTION = "Persistent vector memory on Apache Lucene (HNSW vectors, BM25 keywords).";
    /** The collection when none is given, as in Python. */
    public static final String DEFAULT_COLLECTION = "memory_store";
    /** The folder of the collections when none is given. */
    public static final String DEFAULT_PATH = "./autogen_memory";
    /** The number of results when none is given, as in Python. */
    public static final int DEFAULT_K = 3;
    /** The keyword share of a hybrid search when none is given. */
    public static final double DEFAULT_KEYWORD_WEIGHT = 0.3;
    /** How many candidates a vector search collects by default before keeping the best {@code k}. */
    public static final int DEFAULT_SEARCH_CANDIDATES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(LuceneVectorMemory.class);
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,126}");
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final String collectionName;
    private final Path persistencePath;
    private final int k;
    private final @Nullable Double scoreThreshold;
    private final DistanceMetric metric;
    private final EmbeddingFunction embeddings;
    private final boolean ownsEmbeddings;
    private final boolean hybridSearch;
    private final double keywordWeight;
    private final int searchCandidates;
    private final boolean inMemory;
    private final Object openLock = new Object();
    private volatile @Nullable LuceneCollection collection;
    private volatile boolean closed;

    private LuceneVectorMemory(Builder b) {
        this.collectionName = b.collectionName;
        this.persistencePath = b.persistencePath;
        this.k = b.k;
        this.scoreThreshold = b.scoreThreshold;
        this.metric = b.metric;
        this.embeddings = b.embeddings;
        this.ownsEmbeddings = b.ownsEmbeddings;
        this.hybridSearch = b.hybridSearch;
        this.keywordWeight = b.keywordWeight;
        this.searchCandidates = b.searchCandidates;
        this.inMemory = b.inMemory;
    }

    /** A builder of a memory that embeds with {@code embeddings} (closed by the caller, not the memory). */
    public static Builder builder(EmbeddingFunction embeddings) {
        return new Builder(embeddings);
    }

    /** The collection name. */
    @Override
    public String name() {
        return collectionName;
    }

    /** The folder this memory's index lives in: {@code persistence_path/collection_name}. */
    public Path folder() {
        return persistencePath.resolve(collectionName);
    }

    /** The number of stored items. */
    public int size() {
        return collection().size();
    }

    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
        addAll(List.of(content), cancellationToken);
    }

    /**
     * Adds {@code contents}, embedding them in one call, and commits them to disk.
     *
     * @throws IllegalArgumentException for content without a text form (images) or a vector of the wrong length
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    @Override
    public void addAll(List<MemoryContent> contents, CancellationToken cancellationToken) {
        if (contents.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(contents.size());
        for (MemoryContent content : contents) {
            texts.add(MemoryDocuments.text(Objects.requireNonNull(content, "content")));
        }
        List<float[]> vectors = embeddings.embed(texts, cancellationToken);
        cancellationToken.throwIfCancelled();
        LuceneCollection target = collection();
        List<Document> documents = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            float[] vector = metric.prepare(vectors.get(i));
            target.checkDimension(vector.length);
            documents.add(MemoryDocuments.toDocument(UUID.randomUUID().toString(), contents.get(i), texts.get(i), vector,
                    metric.function()));
        }
        target.add(documents);
        LOG.debug("Added {} item(s) to memory '{}'", documents.size(), collectionName);
    }

    /** The {@code k} items closest to {@code query} scoring at least {@code score_threshold}, best first. */
    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        return query(query, Map.of(), cancellationToken);
    }

    /** {@link #query(MemoryContent, Map, CancellationToken)} for a text query. */
    public MemoryQueryResult query(String query, Map<String, ?> where, CancellationToken cancellationToken) {
        return query(new MemoryContent(query, MemoryMimeType.TEXT), where, cancellationToken);
    }

    /**
     * The {@code k} items closest to {@code query} among those whose metadata has every key-value
     * pair of {@code where} (an exact-match pre-filter of the vector search, as Chroma's
     * {@code where={"category": "units"}}), scoring at least {@code score_threshold}, best first.
     *
     * @throws IllegalArgumentException for a filter operator ({@code $and}, {@code $gt}, ...) or a
     *     filter value that is not a string, number or boolean
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    public MemoryQueryResult query(MemoryContent query, Map<String, ?> where, CancellationToken cancellationToken) {
        String text = MemoryDocuments.text(query);
        Query filter = MetadataFields.filter(where);
        float[] vector = metric.prepare(embeddings.embed(text, cancellationToken));
        cancellationToken.throwIfCancelled();
        LuceneCollection source = collection();
        source.checkDimensionForQuery(vector.length);
        List<MemoryContent> results = new ArrayList<>();
        for (LuceneCollection.Hit hit : source.search(vector, text, filter, k, searchCandidates, hybridSearch ? keywordWeight : 0)) {
            if (scoreThreshold != null && hit.score() < scoreThreshold) {
                continue;
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            if (hit.vectorScore() != null) {
                extra.put("vector_score", hit.vectorScore());
                extra.put("keyword_score", hit.keywordScore());
            }
            results.add(MemoryDocuments.fromDocument(hit.document(), hit.score(), extra));
        }
        LOG.debug("Query of memory '{}' found {} item(s)", collectionName, results.size());
        return new MemoryQueryResult(results);
    }

    /**
     * Queries with the text of the context's last message and appends what was found as one
     * {@link SystemMessage} ({@code "\nRelevant memory content:\n1. ...\n2. ..."}); adds nothing when
     * the context is empty or nothing was found.
     */
    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        List<LLMMessage> messages = modelContext.getMessages();
        if (messages.isEmpty()) {
            return new UpdateContextResult(new MemoryQueryResult(List.of()));
        }
        MemoryQueryResult found = query(new MemoryContent(text(messages.getLast()), MemoryMimeType.TEXT),
                new CancellationToken());
        if (!found.results().isEmpty()) {
            var text = new StringBuilder("\nRelevant memory content:");
            int i = 1;
            for (MemoryContent item : found.results()) {
                text.append('\n').append(i++).append(". ").append(item.content() instanceof String s ? s
                        : MemoryDocuments.text(item));
            }
            modelContext.addMessage(new SystemMessage(text.toString()));
        }
        return new UpdateContextResult(found);
    }

    private static String text(LLMMessage message) {
        return switch (message) {
            case SystemMessage m -> m.content();
            case UserMessage m -> m.content() instanceof UserContent.Text t ? t.text() : m.content().toText();
            case AssistantMessage m -> m.content() instanceof ModelContent.Text t ? t.text()
                    : AutogenJson.mapper().valueToTree(m).toString();
            case FunctionExecutionResultMessage m -> AutogenJson.mapper().valueToTree(m).toString();
        };
    }

    /**
     * Deletes the items whose metadata matches {@code metadata} exactly (as a query's filter) and commits.
     *
     * @throws IllegalArgumentException if {@code metadata} is empty or has an operator or a value that
     *     cannot be matched exactly
     */
    @Override
    public int deleteWhere(Map<String, ?> metadata) {
        if (metadata.isEmpty()) {
            throw new IllegalArgumentException("deleteWhere needs at least one metadata key; clear() removes everything");
        }
        int removed = collection().delete(Objects.requireNonNull(MetadataFields.filter(metadata)));
        LOG.debug("Deleted {} item(s) matching {} from memory '{}'", removed, metadata.keySet(), collectionName);
        return removed;
    }

    /** Deletes every item of the collection (from disk too). */
    @Override
    public void clear() {
        collection().clear();
        LOG.debug("Cleared memory '{}'", collectionName);
    }

    /** Closes the index (and the embedding function if this memory was loaded from a config). Idempotent. */
    @Override
    public void close() {
        synchronized (openLock) {
            if (closed) {
                return;
            }
            closed = true;
            LuceneCollection open = collection;
            collection = null;
            try {
                if (open != null) {
                    open.close();
                }
            } finally {
                if (ownsEmbeddings) {
                    embeddings.close();
                }
            }
        }
    }

    private LuceneCollection collection() {
        LuceneCollection open = collection;
        if (open != null) {
            return open;
        }
        synchronized (openLock) {
            if (closed) {
                throw new IllegalStateException("memory '" + collectionName + "' is closed");
            }
            if (collection == null) {
                collection = inMemory ? LuceneCollection.inMemory(collectionName, metric)
                        : LuceneCollection.open(folder(), metric);
            }
            return collection;
        }
    }

    /**
     * This memory's config.
     *
     * @throws UnsupportedOperationException if the embedding function was written in code and has no config
     */
    @Override
    public LuceneVectorMemoryConfig toConfig() {
        EmbeddingFunctionConfig embeddingConfig = embeddings.toConfig().orElseThrow(() -> new UnsupportedOperationException(
                "memory '" + collectionName + "' has an embedding function without a config; use one of the"
                        + " configurable ones (openai, ollama, hashing) to dump it"));
        return new LuceneVectorMemoryConfig(collectionName, persistencePath.toString(), k, scoreThreshold, metric.value(),
                embeddingConfig, hybridSearch, keywordWeight, searchCandidates, inMemory);
    }

    @Override
    public ComponentProvider<?, LuceneVectorMemoryConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Builds a {@link LuceneVectorMemory}. */
    public static final class Builder {
        private final EmbeddingFunction embeddings;
        private boolean ownsEmbeddings;
        private String collectionName = DEFAULT_COLLECTION;
        private Path persistencePath = Path.of(DEFAULT_PATH);
        private int k = DEFAULT_K;
        private @Nullable Double scoreThreshold;
        private DistanceMetric metric = DistanceMetric.COSINE;
        private boolean hybridSearch;
        private double keywordWeight = DEFAULT_KEYWORD_WEIGHT;
        private int searchCandidates = DEFAULT_SEARCH_CANDIDATES;
        private boolean inMemory;

        private Builder(EmbeddingFunction embeddings) {
            this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        }

        /**
         * The collection, a folder under the persistence path (default {@value #DEFAULT_COLLECTION}).
         *
         * @throws IllegalArgumentException unless 1 to 127 letters, digits, {@code .}, {@code _} or
         *     {@code -}, starting with a letter or digit
         */
        public Builder collectionName(String collectionName) {
            if (!COLLECTION_NAME.matcher(collectionName).matches()) {
                throw new IllegalArgumentException("collection_name '" + collectionName + "' must be 1 to 127 letters,"
                        + " digits, '.', '_' or '-', starting with a letter or digit");
            }
            this.collectionName = collectionName;
            return this;
        }

        /** The folder of the collections (default {@value #DEFAULT_PATH}). */
        public Builder persistencePath(Path persistencePath) {
            this.persistencePath = Objects.requireNonNull(persistencePath, "persistencePath");
            return this;
        }

        /**
         * How many results a query returns at most (default {@value #DEFAULT_K}).
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder k(int k) {
            if (k <= 0) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            this.k = k;
            return this;
        }

        /** The lowest score a result may have, or null for any (the default). */
        public Builder scoreThreshold(@Nullable Double scoreThreshold) {
            this.scoreThreshold = scoreThreshold;
            return this;
        }

        /** How vectors are compared (default {@link DistanceMetric#COSINE}). */
        public Builder distanceMetric(DistanceMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** Whether BM25 keyword scores are mixed into the ranking (default false). */
        public Builder hybridSearch(boolean hybridSearch) {
            this.hybridSearch = hybridSearch;
            return this;
        }

        /**
         * The keyword score's share in a hybrid search (default {@value #DEFAULT_KEYWORD_WEIGHT}).
         *
         * @throws IllegalArgumentException unless between 0 and 1
         */
        public Builder keywordWeight(double keywordWeight) {
            if (!(keywordWeight >= 0 && keywordWeight <= 1)) {
                throw new IllegalArgumentException("keyword_weight must be between 0 and 1, got " + keywordWeight);
            }
            this.keywordWeight = keywordWeight;
            return this;
        }

        /**
         * How many candidates a vector search collects before keeping the best {@code k} (default
         * {@value #DEFAULT_SEARCH_CANDIDATES}): more finds more of the true nearest neighbours in a large
         * collection, at the cost of query time.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder searchCandidates(int candidates) {
            if (candidates <= 0) {
                throw new IllegalArgumentException("search_candidates must be positive, got " + candidates);
            }
            this.searchCandidates = candidates;
            return this;
        }

        /**
         * Whether the index is kept in the heap instead of the persistence path (default false): nothing
         * is written, and everything added is gone when the memory is closed.
         */
        public Builder inMemory(boolean inMemory) {
            this.inMemory = inMemory;
            return this;
        }

        Builder ownsEmbeddings() {
            this.ownsEmbeddings = true;
            return this;
        }

        /** The memory; its folder is opened at the first use. */
        public LuceneVectorMemory build() {
            return new LuceneVectorMemory(this);
        }
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<LuceneVectorMemory, LuceneVectorMemoryConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MEMORY, LuceneVectorMemory.class, LuceneVectorMemoryConfig.class, DESCRIPTION);
        }

        @Override
        public LuceneVectorMemory fromConfig(LuceneVectorMemoryConfig config, ComponentContext context) {
            EmbeddingFunctionConfig embeddingConfig = config.embeddingFunctionConfig();
            if (embeddingConfig == null) {
                if (EmbeddingFunctions.provider("default").isEmpty()) {
                    throw context.invalid("embedding_function_config", "an embedding function is required, e.g."
                            + " {\"function_type\": \"ollama\", \"model_name\": \"all-minilm\"} or {\"function_type\":"
                            + " \"openai\", \"model_name\": \"text-embedding-3-small\"}, or add the module "
                            + EmbeddingFunctions.MINILM_MODULE + " for Python's default model in process");
                }
                embeddingConfig = EmbeddingFunctionConfig.pythonDefault();
            }
            Builder builder;
            try {
                builder = builder(EmbeddingFunctions.create(embeddingConfig, context.environment())).ownsEmbeddings();
            } catch (IllegalArgumentException e) {
                throw context.invalid("embedding_function_config", e.getMessage());
            }
            try {
                builder.collectionName(config.collectionName()).persistencePath(Path.of(config.persistencePath()))
                        .k(config.k()).scoreThreshold(config.scoreThreshold())
                        .distanceMetric(DistanceMetric.parse(config.distanceMetric()))
                        .hybridSearch(config.hybridSearch()).keywordWeight(config.keywordWeight())
                        .searchCandidates(config.searchCandidates()).inMemory(config.inMemory());
            } catch (IllegalArgumentException e) {
                builder.embeddings.close();
                throw context.invalid("", e.getMessage());
            }
            return builder.build();
        }
    }
}
