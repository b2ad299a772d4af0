package dev.autogen.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run in a fresh process, timed and weighed from outside (issue 23), for
 * {@code benchmarks/footprint.sh}: starts the given command (e.g. {@code ./autogen run team.json}),
 * and reports its peak resident memory (the kernel's {@code VmHWM}, read from {@code /proc} until the
 * process exits), the time to its first line on stdout (start-up) and from the first line to its exit
 * (the run). Repeats {@code REPEATS} times (first argument) and prints one JSON object per repeat.
 */
public final class LauncherRun {
    private LauncherRun() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        List<String> command = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < repeats; i++) {
            System.out.println(measure(command));
        }
    }

    static String measure(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] firstLine = {-1};
        long[] lines = {0};
        Thread reader = Thread.ofPlatform().start(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    if (lines[0]++ == 0) {
                        firstLine[0] = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakKb = 0;
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, highWaterMarkKb(status));
        }
        long end = System.nanoTime();
        reader.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue());
        }
        return String.format("{\"peak_rss_kb\": %d, \"first_line_ms\": %.1f, \"after_first_line_ms\": %.1f,"
                + " \"total_ms\": %.1f, \"lines\": %d}", peakKb, (firstLine[0] - start) / 1e6,
                (end - firstLine[0]) / 1e6, (end - start) / 1e6, lines[0]);
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the check and the read
        }
        return 0;
    }
}
