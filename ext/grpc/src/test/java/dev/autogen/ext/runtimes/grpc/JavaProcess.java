package dev.autogen.ext.runtimes.grpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started on this test's class path running one main class, whose stdout lines the test can
 * wait for; stderr goes to {@code target/processes/NAME.log}.
 */
public final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A JVM tuned to start fast (C1 only), for the functional tests. */
    public static JavaProcess start(String name, Class<?> mainClass, String... args) throws IOException {
        return start(name, List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC"), mainClass, args);
    }

    /** A JVM with the given options (the load test's nodes run with the full JIT). */
    public static JavaProcess start(String name, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Path logs = Files.createDirectories(Path.of("target", "processes"));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                .start();
        return new JavaProcess(name, process);
    }

    public String name() {
        return name;
    }

    /** Waits (up to 90 s) for a stdout line starting with {@code prefix} and returns the rest of it. */
    public String awaitLine(String prefix) throws InterruptedException {
        return awaitLine(prefix, rest -> true);
    }

    /** Waits (up to 90 s) for a stdout line starting with {@code prefix} whose rest passes {@code test}. */
    public String awaitLine(String prefix, Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix) && test.test(line.substring(prefix.length()).strip())) {
                return line.substring(prefix.length()).strip();
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing '" + prefix
                        + "'; see target/processes/" + name + ".log");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not print '" + prefix + "' as expected within 90 s");
            }
        }
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not exit within 90 s");
        }
        return process.exitValue();
    }

    /** The CPU time the process has used so far. */
    public java.time.Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Every stdout line so far, joined. */
    public String output() {
        return String.join("\n", lines);
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
