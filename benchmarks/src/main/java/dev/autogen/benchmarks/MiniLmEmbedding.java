package dev.autogen.benchmarks;

import dev.autogen.core.CancellationToken;
import dev.autogen.ext.memory.embeddings.minilm.AllMiniLmL6V2EmbeddingFunction;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Embedding throughput of the in-process all-MiniLM-L6-v2 model: one operation is one sentence of
 * about a dozen words, embedded in batches of 32. Not part of {@code benchmarks/run.sh}'s default set;
 * run it with {@code benchmarks/run.sh MiniLmEmbedding}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class MiniLmEmbedding {
    private static final int BATCH = 32;

    private final AllMiniLmL6V2EmbeddingFunction embeddings = new AllMiniLmL6V2EmbeddingFunction();
    private List<String> sentences;

    @Setup(Level.Trial)
    public void setUp() {
        sentences = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            sentences.add("The user number " + i + " prefers weather temperatures in Celsius and metric units");
        }
        embeddings.embed(sentences, new CancellationToken());   // loads the model
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<float[]> embedBatch() {
        return embeddings.embed(sentences, new CancellationToken());
    }
}
