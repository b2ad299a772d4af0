package dev.autogen.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JMH JSON result of {@link CliStartup} and prints a Markdown table of each start-up time
 * next to the bare-JVM baseline measured in the same run, the same run without extra JVM options,
 * and the one-second budget.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.autogen.benchmarks.StartupRatios benchmarks/results/startup-result.json
 * }</pre>
 */
public final class StartupRatios {
    static final String BASELINE = "CliStartup.baselineJvm";
    static final double BUDGET_MS = 1_000;

    private StartupRatios() {
    }

    /** One result: the benchmark's short name, its {@code jvm} parameter (empty for the baseline), ms and error. */
    record Time(String name, String jvm, double ms, double error) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupRatios <startup-result.json>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("StartupRatios: no JMH result file at " + file.toAbsolutePath() + "; run benchmarks/startup.sh first");
            System.exit(2);
        }
        print(read(file), System.out);
    }

    static List<Time> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Time> times = new ArrayList<>();
        for (JsonNode run : root) {
            String name = run.path("benchmark").asText();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode metric = run.path("primaryMetric");
            if (!"ms/op".equals(metric.path("scoreUnit").asText())) {
                throw new IllegalArgumentException(name + " is in " + metric.path("scoreUnit").asText()
                        + ", expected ms/op; run in single-shot mode in milliseconds (as benchmarks/startup.sh does)");
            }
            times.add(new Time(shortName, run.path("params").path("jvm").asText(""),
                    metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN)));
        }
        return times;
    }

    static void print(List<Time> times, PrintStream out) {
        @Nullable Time baseline = times.stream().filter(t -> t.name.equals(BASELINE)).findFirst().orElse(null);
        out.println("| Benchmark | JVM options | ms | ± 99.9% | ÷ bare JVM | beyond bare JVM (ms) | ÷ default options | 1 s budget |");
        out.println("|---|---|---:|---:|---:|---:|---:|---|");
        for (Time time : times) {
            @Nullable Time plain = times.stream()
                    .filter(t -> t.name.equals(time.name) && t.jvm.equals("default")).findFirst().orElse(null);
            boolean isBaseline = time.name.equals(BASELINE);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    time.name, time.jvm.isEmpty() ? "(none)" : time.jvm, ms(time.ms), ms(time.error),
                    isBaseline ? "(baseline)" : baseline == null ? "n/a" : ratio(time.ms / baseline.ms),
                    isBaseline || baseline == null ? "" : ms(time.ms - baseline.ms),
                    plain == null || plain == time ? "" : ratio(time.ms / plain.ms),
                    time.ms + (Double.isNaN(time.error) ? 0 : time.error) < BUDGET_MS ? "met"
                            : time.ms < BUDGET_MS ? "met, but its error bar crosses 1 s" : "**missed**");
        }
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
