package dev.autogen.ext.memory.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection: a Lucene index in a folder (or in the heap), written by one {@link IndexWriter} (committed after
 * every change, so a crash loses nothing added; concurrent changes share a commit) and searched through a {@link SearcherManager}
 * refreshed after every change. Vectors are searched with HNSW ({@link KnnFloatVectorQuery}),
 * metadata filters applied during the graph search, text with BM25. The distance metric is recorded
 * in the index and checked when it is opened again. Thread-safe.
 */
final class LuceneCollection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneCollection.class);
    private static final String METRIC_KEY = "distance_metric";

    /** Where the collection lives, for messages: "the memory in FOLDER" or "the in-memory memory 'NAME'". */
    private final String where;
    private final DistanceMetric metric;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final Object dimensionLock = new Object();
    private final Object commitLock = new Object();
    private long committed = -1;
    private int dimension;

    private LuceneCollection(String where, DistanceMetric metric, Directory directory, IndexWriter writer,
            SearcherManager searchers, int dimension) {
        this.where = where;
        this.metric = metric;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.dimension = dimension;
    }

    /**
     * Opens (creating if needed) the collection in {@code folder}.
     *
     * @throws IllegalStateException if the folder is open elsewhere or was created with another metric
     * @throws UncheckedIOException if the folder cannot be read or written
     */
    static LuceneCollection open(Path folder, DistanceMetric metric) {
        String where = "the memory in " + folder;
        Directory directory = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            if (DirectoryReader.indexExists(directory)) {
                String recorded = SegmentInfos.readLatestCommit(directory).getUserData().get(METRIC_KEY);
                if (recorded != null && !recorded.equals(metric.value())) {
                    throw new IllegalStateException(where + " was created with distance_metric '"
                            + recorded + "', not '" + metric.value() + "'; open it with '" + recorded
                            + "' or use another collection_name");
                }
            }
            return open(where, directory, metric);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    /** Opens an empty collection held in the heap, gone when closed. */
    static LuceneCollection inMemory(String name, DistanceMetric metric) {
        String where = "the in-memory memory '" + name + "'";
        try {
            return open(where, new ByteBuffersDirectory(), metric);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + where + ": " + e.getMessage(), e);
        }
    }

    private static LuceneCollection open(String where, Directory directory, DistanceMetric metric) throws IOException {
        var config = new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException(where + " is open in another memory or process;"
                    + " close that one first (one writer per folder)", e);
        }
        writer.setLiveCommitData(Map.of(METRIC_KEY, metric.value()).entrySet());
        var searchers = new SearcherManager(writer, null);
        int dimension = 0;
        IndexSearcher searcher = searchers.acquire();
        try {
            FieldInfo info = FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(MemoryDocuments.VECTOR);
            if (info != null) {
                dimension = info.getVectorDimension();
            }
        } finally {
            searchers.release(searcher);
        }
        LOG.debug("Opened {} ({} vectors of {} dimensions, {})", where, writer.getDocStats().numDocs, dimension,
                metric.value());
        return new LuceneCollection(where, metric, directory, writer, searchers, dimension);
    }

    private static void closeQuietly(@Nullable Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", directory, e);
            }
        }
    }

    DistanceMetric metric() {
        return metric;
    }

    /**
     * Checks that {@code vectorLength} fits the collection, fixing its dimension on the first vector.
     *
     * @throws IllegalArgumentException if the collection holds vectors of another length
     */
    void checkDimension(int vectorLength) {
        synchronized (dimensionLock) {
            if (dimension == 0) {
                dimension = vectorLength;
            } else if (dimension != vectorLength) {
                throw new IllegalArgumentException("the embedding has " + vectorLength + " dimensions but " + where
                        + " holds vectors of " + dimension + "; use the same embedding model, or another"
                        + " collection_name");
            }
        }
    }

    /**
     * Checks that a query vector of length {@code vectorLength} fits the stored vectors.
     *
     * @throws IllegalArgumentException if the collection holds vectors of another length
     */
    void checkDimensionForQuery(int vectorLength) {
        synchronized (dimensionLock) {
            if (dimension != 0 && dimension != vectorLength) {
                throw new IllegalArgumentException("the query's embedding has " + vectorLength + " dimensions but "
                        + where + " holds vectors of " + dimension + "; use the embedding model the"
                        + " items were added with");
            }
        }
    }

    /** Adds documents and commits. */
    void add(List<Document> documents) {
        try {
            commit(writer.addDocuments(documents));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to " + where + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the documents {@code query} matches, commits, and says how many there were. */
    int delete(Query query) {
        try {
            int matching;
            IndexSearcher searcher = searchers.acquire();
            try {
                matching = searcher.count(query);
            } finally {
                searchers.release(searcher);
            }
            if (matching > 0) {
                commit(writer.deleteDocuments(query));
            }
            return matching;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from " + where + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every document and commits. */
    void clear() {
        try {
            long sequence = writer.deleteAll();
            synchronized (dimensionLock) {
                dimension = 0;
            }
            commit(sequence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits and refreshes the searchers unless a commit since operation {@code sequence} already
     * did: concurrent adds share one commit (one fsync) instead of queueing for one each.
     */
    private void commit(long sequence) throws IOException {
        synchronized (commitLock) {
            if (committed >= sequence) {
                return;
            }
            committed = writer.commit();
            searchers.maybeRefreshBlocking();
        }
    }

    /** The number of items. */
    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document found, with its score and, in a hybrid search, the two scores it was made of. */
    record Hit(Document document, double score, @Nullable Double vectorScore, @Nullable Double keywordScore) {
    }

    /**
     * The {@code k} best documents for the prepared vector {@code vector}, restricted by
     * {@code filter}; with {@code keywordWeight > 0}, ranked by
     * {@code (1 - keywordWeight) * vectorScore + keywordWeight * keywordScore}, the keyword score being
     * the BM25 score of {@code text} divided by the best BM25 score among the candidates.
     */
    List<Hit> search(float[] vector, String text, @Nullable Query filter, int k, int searchCandidates,
            double keywordWeight) {
        if (k <= 0 || dimension == 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int candidates = Math.max(k, searchCandidates);
                ScoreDoc[] knn = searcher.search(new KnnFloatVectorQuery(MemoryDocuments.VECTOR, vector, candidates, filter),
                        candidates).scoreDocs;
                if (keywordWeight <= 0) {
                    List<Hit> hits = new ArrayList<>();
                    for (int i = 0; i < Math.min(k, knn.length); i++) {
                        hits.add(new Hit(searcher.storedFields().document(knn[i].doc), metric.score(knn[i].score), null, null));
                    }
                    return hits;
                }
                return hybrid(searcher, vector, knn, keywordQuery(text, filter), candidates, k, keywordWeight);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + where + ": " + e.getMessage(), e);
        }
    }

    private List<Hit> hybrid(IndexSearcher searcher, float[] vector, ScoreDoc[] knn, @Nullable Query keyword,
            int candidates, int k, double keywordWeight) throws IOException {
        Map<Integer, Double> vectorScores = new LinkedHashMap<>();
        for (ScoreDoc d : knn) {
            vectorScores.put(d.doc, metric.score(d.score));
        }
        Map<Integer, Double> keywordScores = new HashMap<>();
        if (keyword != null) {
            ScoreDoc[] bm25 = searcher.search(keyword, candidates).scoreDocs;
            float best = bm25.length == 0 ? 0 : bm25[0].score;
            for (ScoreDoc d : bm25) {
                keywordScores.put(d.doc, best > 0 ? d.score / (double) best : 0);
                if (!vectorScores.containsKey(d.doc)) {
                    vectorScores.put(d.doc, exactVectorScore(searcher, d.doc, vector));
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : vectorScores.entrySet()) {
            double keywordScore = keywordScores.getOrDefault(e.getKey(), 0.0);
            double score = (1 - keywordWeight) * e.getValue() + keywordWeight * keywordScore;
            ranked.add(new Candidate(e.getKey(), score, e.getValue(), keywordScore));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Hit> top = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(k, ranked.size()))) {
            top.add(new Hit(searcher.storedFields().document(c.doc()), c.score(), c.vectorScore(), c.keywordScore()));
        }
        return top;
    }

    private record Candidate(int doc, double score, double vectorScore, double keywordScore) {
    }

    private double exactVectorScore(IndexSearcher searcher, int doc, float[] vector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(MemoryDocuments.VECTOR);
        if (values == null) {
            return 0;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int target = doc - leaf.docBase;
        if (it.advance(target) != target) {
            return 0;
        }
        return metric.score(vector, values.vectorValue(it.index()));
    }

    private @Nullable Query keywordQuery(String text, @Nullable Query filter) throws IOException {
        var terms = new BooleanQuery.Builder();
        int count = 0;
        try (TokenStream tokens = analyzer.tokenStream(MemoryDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && count < IndexSearcher.getMaxClauseCount() - 1) {
                terms.add(new TermQuery(new Term(MemoryDocuments.TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                count++;
            }
            tokens.end();
        }
        if (count == 0) {
            return null;
        }
        if (filter == null) {
            return terms.build();
        }
        return new BooleanQuery.Builder().add(terms.build(), BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + where + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(directory);
        }
    }
}
