package dev.autogen.ext.experimental.taskcentricmemory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import dev.autogen.ext.memory.lucene.EmbeddingFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores insights as {@link Memo}s, each found again through the topics it was indexed by, as Python's
 * {@code MemoryBank}. A folder holds it: the topics in a Lucene vector index ({@code string_map/}) and
 * the memos in {@code memos.json}, where Python pickles them ({@code uid_memo_dict.pkl}); neither
 * format reads the other's files.
 *
 * <!-- java-context: import java.util.List; -->
 * <pre>{@code
 * try (var bank = MemoryBank.open(false, MemoryBankConfig.at("./memory_bank/colors"))) {
 *     bank.addMemo("Deep blue is my favorite color", List.of("favorite colors"), "What color do I like?");
 *     List<Memo> memos = bank.getRelevantMemos(List.of("color preferences"));
 * }
 * }</pre>
 *
 * <p>Relevance is Python's: each stored topic among the {@code n_results} closest to a query topic,
 * at squared distance {@code d} below {@code distance_threshold}, adds
 * {@code relevance_conversion_threshold - d} to its memo; memos whose sum is 0 or more are returned,
 * most relevant first. The folder is opened (and, with {@code reset}, emptied) at the first use, and
 * stays locked against other writers until {@link #close}. Every change is written at once. Thread-safe.
 */
public final class MemoryBank implements AutoCloseable {
    /** The file of the memos inside the folder. */
    public static final String MEMOS_FILE = "memos.json";

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBank.class);
    private static final TypeReference<LinkedHashMap<String, Memo>> MEMOS = new TypeReference<>() {
    };

    private final MemoryBankConfig config;
    private final Path folder;
    private final EmbeddingFunction embeddings;
    private final boolean ownsEmbeddings;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean reset;
    private @Nullable StringSimilarityMap stringMap;
    private final Map<String, Memo> memos = new LinkedHashMap<>();
    private int lastMemoId;
    private boolean closed;

    private MemoryBank(boolean reset, MemoryBankConfig config, EmbeddingFunction embeddings, boolean ownsEmbeddings) {
        this.reset = reset;
        this.config = Objects.requireNonNull(config, "config");
        this.folder = expandHome(config.pathOrDefault());
        this.embeddings = embeddings;
        this.ownsEmbeddings = ownsEmbeddings;
    }

    /**
     * A memory bank as {@code config} describes, emptied first if {@code reset}; topics are embedded by
     * the config's embedding function (all-MiniLM-L6-v2 in process by default), API keys read from the
     * process environment.
     *
     * @throws IllegalArgumentException if the embedding function cannot be made, saying why
     */
    public static MemoryBank open(boolean reset, MemoryBankConfig config) {
        return open(reset, config, System.getenv());
    }

    static MemoryBank open(boolean reset, MemoryBankConfig config, Map<String, String> environment) {
        return new MemoryBank(reset, config, EmbeddingFunctions.create(config.embeddingFunctionConfigOrDefault(),
                environment), true);
    }

    /**
     * A memory bank as {@code config} describes, emptied first if {@code reset}, that embeds topics with
     * {@code embeddings} (closed by the caller; the config's {@code embedding_function_config} is not used).
     */
    public static MemoryBank open(boolean reset, MemoryBankConfig config, EmbeddingFunction embeddings) {
        return new MemoryBank(reset, config, Objects.requireNonNull(embeddings, "embeddings"), false);
    }

    /** The settings this bank was made with. */
    public MemoryBankConfig config() {
        return config;
    }

    /** The folder the bank is kept in. */
    public Path folder() {
        return folder;
    }

    /**
     * The config that re-creates this bank, naming its embedding function.
     *
     * @throws UnsupportedOperationException if the embedding function was written in code and has no config
     */
    MemoryBankConfig configForDump() {
        if (ownsEmbeddings) {
            return config;
        }
        return new MemoryBankConfig(config.path(), config.relevanceConversionThreshold(), config.nResults(),
                config.distanceThreshold(), embeddings.toConfig().orElseThrow(() -> new UnsupportedOperationException(
                        "the memory bank at " + folder + " embeds with a function that has no config; use one of the"
                                + " configurable ones (default, openai, ollama, hashing) to dump it")));
    }

    /** Deletes every memo and topic, on disk too. */
    public void reset() {
        lock.lock();
        try {
            StringSimilarityMap map = open();
            map.clear();
            memos.clear();
            lastMemoId = 0;
            save();
            LOG.info("Memory bank at {} cleared", folder);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the bank holds any memo. */
    public boolean containsMemos() {
        return size() > 0;
    }

    /** The number of memos. */
    public int size() {
        lock.lock();
        try {
            open();
            return memos.size();
        } finally {
            lock.unlock();
        }
    }

    /** Every memo by id, in the order they were added. */
    public Map<String, Memo> memos() {
        lock.lock();
        try {
            open();
            return Collections.unmodifiableMap(new LinkedHashMap<>(memos));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code insight} (learned from {@code task}, if not null), found again through {@code topics}.
     *
     * @throws IllegalArgumentException if {@code topics} is empty
     */
    public void addMemo(String insight, List<String> topics, @Nullable String task) {
        store(new Memo(task, insight), topics);
    }

    /**
     * Adds a task and its solution as one insight ({@code "Example task:\n\n...\n\nExample solution:\n\n..."}),
     * a demonstration for similar tasks, found again through {@code topics}.
     */
    public void addTaskWithSolution(String task, String solution, List<String> topics) {
        store(new Memo(task, "Example task:\n\n" + task + "\n\nExample solution:\n\n" + solution), topics);
    }

    private void store(Memo memo, List<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a memo needs at least one topic to be found again by");
        }
        lock.lock();
        try {
            StringSimilarityMap map = open();
            String id = String.valueOf(++lastMemoId);
            for (String topic : topics) {
                map.add(topic, id);
            }
            memos.put(id, memo);
            save();
            LOG.info("Memo {} added with {} topic(s): {}", id, topics.size(), memo.insight());
        } finally {
            lock.unlock();
        }
    }

    /** The memos relevant to {@code topics}, most relevant first. */
    public List<Memo> getRelevantMemos(List<String> topics) {
        lock.lock();
        try {
            StringSimilarityMap map = open();
            double conversion = config.relevanceConversionThresholdOrDefault();
            Map<String, Double> relevance = new LinkedHashMap<>();
            for (String topic : topics) {
                for (StringSimilarityMap.Match match : map.related(topic, config.distanceThresholdOrDefault())) {
                    relevance.merge(match.output(), conversion - match.distance(), Double::sum);
                }
            }
            List<Map.Entry<String, Double>> ranked = new ArrayList<>(relevance.entrySet());
            ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            List<Memo> relevant = new ArrayList<>();
            for (Map.Entry<String, Double> entry : ranked) {
                Memo memo = memos.get(entry.getKey());
                LOG.debug("Memo {} has relevance {}: {}", entry.getKey(), String.format("%.3f", entry.getValue()),
                        memo == null ? "(missing from " + MEMOS_FILE + ")" : memo.insight());
                if (memo != null && entry.getValue() >= 0) {
                    relevant.add(memo);
                }
            }
            LOG.info("{} potentially relevant memo(s), {} relevant enough", ranked.size(), relevant.size());
            return relevant;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the topic index (and the embedding function the bank made). Idempotent. */
    @Override
    public void close() {
        boolean closeEmbeddings;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeEmbeddings = ownsEmbeddings;
            if (stringMap != null) {
                stringMap.close();
                stringMap = null;
            }
        } finally {
            lock.unlock();
        }
        if (closeEmbeddings) {
            embeddings.close();
        }
    }

    private StringSimilarityMap open() {
        if (closed) {
            throw new IllegalStateException("memory bank at " + folder + " is closed");
        }
        if (stringMap != null) {
            return stringMap;
        }
        StringSimilarityMap map = new StringSimilarityMap(folder, embeddings, config.nResultsOrDefault());
        Path file = folder.resolve(MEMOS_FILE);
        if (reset) {
            map.clear();
            memos.clear();
            lastMemoId = 0;
            stringMap = map;
            save();
            reset = false;
            LOG.info("Memory bank at {} starts empty", folder);
        } else {
            if (Files.exists(file)) {
                memos.putAll(read(file));
                lastMemoId = memos.keySet().stream().mapToInt(MemoryBank::idNumber).max().orElse(0);
            }
            stringMap = map;
            LOG.info("Memory bank at {} loaded with {} memo(s)", folder, memos.size());
        }
        return map;
    }

    private static Map<String, Memo> read(Path file) {
        try {
            JsonNode root = AutogenJson.mapper().readTree(file.toFile());
            JsonNode stored = root == null ? null : root.get("memos");
            if (stored == null || !stored.isObject()) {
                throw new IllegalStateException("memory bank file " + file + " has no \"memos\" object");
            }
            Map<String, Memo> read = AutogenJson.mapper().convertValue(stored, MEMOS);
            read.keySet().forEach(id -> {
                if (idNumber(id) < 1) {
                    throw new IllegalStateException("memory bank file " + file + " has memo id '" + id
                            + "'; ids are positive whole numbers");
                }
            });
            return read;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("memory bank file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int idNumber(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void save() {
        Path file = folder.resolve(MEMOS_FILE);
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, MEMOS_FILE, ".tmp");
            AutogenJson.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), Map.of("memos", memos));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write memory bank file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
