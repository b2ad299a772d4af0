package dev.autogen.benchmarks;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.ext.memory.lucene.EmbeddingFunction;
import dev.autogen.ext.memory.lucene.LuceneVectorMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code LuceneVectorMemory} on {@code size} random unit vectors of {@code dimensions} (default
 * 100,000 of 384, the size of all-MiniLM-L6-v2's): {@code query} is one top-10 cosine query,
 * {@code add} one item added and committed to disk. Vectors come from a table, so embedding costs
 * nothing. The setup (adding every vector, building the HNSW graph) takes minutes on 2 cores and
 * prints recall@10 of 100 queries against an exact brute-force ranking; {@link #main} prints only that.
 * Not part of {@code benchmarks/run.sh}'s default set; run it with
 * {@code benchmarks/run.sh VectorMemory}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class VectorMemory {
    private static final int QUERIES = 1_000;
    private static final int K = 10;

    @Param({"100000"})
    public int size;

    @Param({"384"})
    public int dimensions;

    /** How many candidates each vector search collects (the memory's {@code search_candidates}). */
    @Param({"100"})
    public int candidates;

    private Path dir;
    private LuceneVectorMemory memory;
    private float[][] vectors;
    private float[][] queries;
    private int nextQuery;
    private int nextAdd;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        var random = new Random(42);
        vectors = randomUnitVectors(random, size, dimensions);
        queries = randomUnitVectors(random, QUERIES, dimensions);
        dir = Files.createTempDirectory("autogen-bench-vectors");
        memory = LuceneVectorMemory.builder(new Table()).persistencePath(dir).collectionName("bench").k(K)
                .searchCandidates(candidates).build();
        long start = System.nanoTime();
        for (int from = 0; from < size; from += 1_000) {
            List<MemoryContent> batch = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + 1_000); i++) {
                batch.add(new MemoryContent("v" + i, MemoryMimeType.TEXT, Map.of("n", i)));
            }
            memory.addAll(batch, new CancellationToken());
        }
        System.out.printf("%nindexed %,d vectors of %d dimensions in %.1f s; recall@%d of 100 queries with %d candidates:"
                + " %.4f%n", size, dimensions, (System.nanoTime() - start) / 1e9, K, candidates, recall(100));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        memory.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public MemoryQueryResult query() {
        return memory.query(new MemoryContent("q" + (nextQuery++ % QUERIES), MemoryMimeType.TEXT), new CancellationToken());
    }

    @Benchmark
    public void add() {
        memory.add(new MemoryContent("r" + nextAdd++, MemoryMimeType.TEXT, Map.of("n", -1)));
    }

    /** The share of the exact top 10 that the memory's top 10 contains, over the first {@code count} queries. */
    double recall(int count) {
        long found = 0;
        for (int q = 0; q < count; q++) {
            float[] query = queries[q];
            Set<Integer> exact = new HashSet<>(IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -dot(query, vectors[i]))).limit(K).toList());
            for (MemoryContent item : memory.query(new MemoryContent("q" + q, MemoryMimeType.TEXT),
                    new CancellationToken()).results()) {
                if (exact.contains(((Number) item.metadata().get("n")).intValue())) {
                    found++;
                }
            }
        }
        return found / (double) (count * K);
    }

    private static float[][] randomUnitVectors(Random random, int count, int dimensions) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = randomUnitVector(random, dimensions);
        }
        return out;
    }

    private static float[] randomUnitVector(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dimensions; d++) {
            v[d] *= scale;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Texts {@code v<i>}, {@code q<i>} name the table's vectors; {@code r<seed>} a random one. */
    private final class Table implements EmbeddingFunction {
        @Override
        public List<float[]> embed(List<String> texts, CancellationToken cancellationToken) {
            return texts.stream().map(t -> {
                int n = Integer.parseInt(t.substring(1));
                return switch (t.charAt(0)) {
                    case 'v' -> vectors[n];
                    case 'q' -> queries[n];
                    default -> randomUnitVector(new Random(n), dimensions);
                };
            }).toList();
        }
    }

    /**
     * Prints the indexing time and recall@10 for {@code args[0]} vectors (default 100,000) of {@code args[1]}
     * dimensions (384) with {@code args[2]} search candidates (100), without JMH.
     */
    public static void main(String[] args) throws IOException {
        var bench = new VectorMemory();
        bench.size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        bench.dimensions = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        bench.candidates = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        bench.setUp();
        bench.tearDown();
    }
}
