package dev.autogen.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JMH JSON result file and prints a Markdown table of each benchmark's score next to its
 * bare-JDK baselines, the target and Python AutoGen's figure.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.autogen.benchmarks.Ratios benchmarks/results/jmh-result.json
 * }</pre>
 *
 * <p>Two ratios are printed: to the headline baseline (two virtual threads exchanging through
 * {@code SynchronousQueue}s), and to the like-for-like baseline (the faster bare-JDK exchange with
 * the same kind of calling thread, or the same fan-out for publish).
 */
public final class Ratios {
    static final String HEADLINE = "RpcFromVirtualThread.baselineSynchronousQueue";
    static final double RPC_TARGET = 200_000;
    static final double DELIVERY_TARGET = 1_000_000;
    static final double PYTHON_RPC = 10_000;
    static final double PYTHON_DELIVERIES_10 = 32_000;

    private Ratios() {
    }

    /** A benchmark's score and its 99.9% confidence half-width, in ops/s. */
    record Score(double value, double error) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios <jmh-result.json>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("Ratios: no JMH result file at " + file.toAbsolutePath() + "; run benchmarks/run.sh first");
            System.exit(2);
        }
        print(read(file), System.out);
    }

    static Map<String, Score> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode run : root) {
            String name = run.path("benchmark").asText();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode metric = run.path("primaryMetric");
            if (!"ops/s".equals(metric.path("scoreUnit").asText())) {
                throw new IllegalArgumentException(name + " is in " + metric.path("scoreUnit").asText()
                        + ", expected ops/s; run in throughput mode (-bm thrpt -tu s)");
            }
            double error = metric.path("scoreError").asDouble(Double.NaN);
            scores.put(shortName, new Score(metric.path("score").asDouble(), error));
        }
        return scores;
    }

    static void print(Map<String, Score> scores, PrintStream out) {
        @Nullable Score headline = scores.get(HEADLINE);
        out.println("| Benchmark | ops/s | ± 99.9% | ÷ headline baseline | like-for-like baseline | ÷ it | target | vs target | vs Python |");
        out.println("|---|---:|---:|---:|---|---:|---:|---|---:|");
        for (Map.Entry<String, Score> entry : scores.entrySet()) {
            String name = entry.getKey();
            Score score = entry.getValue();
            String baseline = likeForLike(name, scores);
            Score base = baseline == null ? null : scores.get(baseline);
            double target = target(name);
            double python = python(name);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    name, count(score.value()), count(score.error()),
                    headline == null ? "n/a" : ratio(score.value() / headline.value()),
                    baseline == null ? "(itself)" : baseline,
                    base == null ? "" : ratio(score.value() / base.value()),
                    Double.isNaN(target) ? "" : count(target),
                    Double.isNaN(target) ? "" : score.value() >= target ? "met" : "**missed**",
                    Double.isNaN(python) ? "" : ratio(score.value() / python));
        }
    }

    /** The bare-JDK benchmark to compare with, or null for a baseline. */
    static @Nullable String likeForLike(String name, Map<String, Score> scores) {
        if (name.contains(".baseline")) {
            return null;
        }
        if (name.startsWith("PublishDelivery.publishTo")) {
            return "PublishDelivery.baselineQueueTo" + name.substring("PublishDelivery.publishTo".length());
        }
        String caller = name.endsWith(".agentToAgent") ? "RpcFromVirtualThread" : name.substring(0, name.indexOf('.'));
        String synchronous = caller + ".baselineSynchronousQueue";
        String bounded = caller + ".baselineArrayBlockingQueue";
        Score a = scores.get(synchronous);
        Score b = scores.get(bounded);
        if (a == null || b == null) {
            return a != null ? synchronous : b != null ? bounded : null;
        }
        return a.value() >= b.value() ? synchronous : bounded;
    }

    static double target(String name) {
        if (name.contains(".baseline")) {
            return Double.NaN;
        }
        return name.startsWith("PublishDelivery.") ? DELIVERY_TARGET : RPC_TARGET;
    }

    static double python(String name) {
        if (name.contains(".baseline")) {
            return Double.NaN;
        }
        if (name.equals("PublishDelivery.publishTo10")) {
            return PYTHON_DELIVERIES_10;
        }
        return name.startsWith("Rpc") ? PYTHON_RPC : Double.NaN;
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
