package dev.autogen.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up of the command line: each invocation starts a fresh {@code java} process and is timed
 * until the first line arrives on the process's stdout. The rest of the output is read, and the
 * exit code checked, after the clock stops.
 *
 * <ul>
 *   <li>{@link #runText}: {@code java -jar cli/target/autogen.jar run reflection}, until
 *       {@code ---------- user ----------}, the Console's first line;</li>
 *   <li>{@link #runJson}: the same with {@code --output json}, until its one JSON line, i.e. the
 *       whole run;</li>
 *   <li>{@link #baselineJvm}: <b>the baseline</b>, {@code java -cp hello.jar dev.autogen.benchmarks.Hello},
 *       a class that prints one line: a bare JVM start.</li>
 * </ul>
 *
 * <p>The {@code jvm} parameter names the JVM options of the command-line runs, tokens joined by
 * {@code +}: {@code default} (none), {@code cds} (a dynamic AppCDS archive made by one training run
 * of {@code run reflection} in the trial's set-up, used with the {@code -Xlog} options the
 * {@code ./autogen} launcher uses on JDK 21 to 24),
 * {@code aot} (a JDK 25+ AOT cache, {@code -XX:AOTCacheOutput}, same training run, as the launcher
 * uses on JDK 25+), {@code c1}
 * ({@code -XX:TieredStopAtLevel=1}), {@code serial} ({@code -XX:+UseSerialGC}), {@code oneshot}
 * (the launcher's options for one-shot commands: {@code -XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1}),
 * {@code classpath} (the main class started from the class path, as the launcher does, instead of
 * {@code -jar}), {@code noshare} ({@code -Xshare:off}: not even the JDK's own CDS archive of its
 * classes). The launcher is {@code aot+oneshot+classpath} on JDK 25+ and {@code cds+oneshot+classpath}
 * before. Set-up checks that an archive or cache is really used, so a variant cannot silently measure
 * the default.
 *
 * <p>The {@code java} binary is this JVM's ({@code java.home}); the jar is
 * {@code -Dautogen.cli.jar=PATH}, or {@code cli/target/autogen.jar} under the first folder above the
 * working directory that holds {@code cli/pom.xml}. Run with {@code benchmarks/startup.sh}, which
 * builds the jar first; {@link StartupRatios} prints the ratios to the baseline.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 12)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class CliStartup {
    static final String TEXT_FIRST_LINE = "---------- user ----------";
    static final String BUILD_COMMAND = "./mvnw -q -B -pl cli -am package -DskipTests";
    static final String MAIN_CLASS = "dev.autogen.cli.AutogenCommand";
    private static final long EXIT_TIMEOUT_SECONDS = 120;

    /** The baseline: a jar holding only {@link Hello}. */
    @State(Scope.Benchmark)
    public static class BareJvm {
        @Nullable Path dir;
        List<String> command = List.of();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path tmp = Files.createTempDirectory("autogen-startup-hello");
            dir = tmp;
            Path jar = tmp.resolve("hello.jar");
            String entry = Hello.class.getName().replace('.', '/') + ".class";
            try (InputStream in = Hello.class.getClassLoader().getResourceAsStream(entry);
                 JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                if (in == null) {
                    throw new IllegalStateException("cannot read " + entry + " from the benchmark's class path");
                }
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
            command = List.of(java().toString(), "-cp", jar.toString(), Hello.class.getName());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            deleteTree(dir);
        }
    }

    /** The command line, with the JVM options the {@code jvm} parameter names (archives made here). */
    @State(Scope.Benchmark)
    public static class Cli {
        @Param({"default", "cds", "cds+c1"})
        public String jvm = "default";

        @Nullable Path dir;
        List<String> options = List.of();
        Path jar = Path.of("autogen.jar");
        boolean classPath;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            jar = cliJar();
            Path tmp = Files.createTempDirectory("autogen-startup-cli");
            dir = tmp;
            List<String> plain = new ArrayList<>();
            List<String> training = new ArrayList<>();
            List<String> archived = new ArrayList<>();
            for (String token : jvm.split("\\+")) {
                switch (token) {
                    case "default" -> { }
                    case "c1" -> plain.add("-XX:TieredStopAtLevel=1");
                    case "serial" -> plain.add("-XX:+UseSerialGC");
                    case "oneshot" -> plain.addAll(List.of("-XX:+UseSerialGC", "-Xmn16m", "-XX:TieredStopAtLevel=1"));
                    case "classpath" -> classPath = true;
                    case "noshare" -> plain.add("-Xshare:off");
                    case "cds" -> {
                        Path archive = tmp.resolve("autogen.jsa");
                        training.add("-XX:ArchiveClassesAtExit=" + archive);
                        archived.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
                    }
                    case "aot" -> {
                        if (Runtime.version().feature() < 25) {
                            throw new IllegalArgumentException("jvm=" + jvm + ": the 'aot' variant needs JDK 25 or newer "
                                    + "(-XX:AOTCacheOutput), this is " + Runtime.version() + "; leave it out of -p jvm=...");
                        }
                        Path cache = tmp.resolve("autogen.aot");
                        training.add("-XX:AOTCacheOutput=" + cache);
                        archived.add("-XX:AOTCache=" + cache);
                    }
                    default -> throw new IllegalArgumentException("jvm=" + jvm + ": unknown token '" + token
                            + "'; use default, cds, aot, c1, serial, oneshot, classpath or noshare, joined by '+' (e.g. cds+c1)");
                }
            }
            if (!training.isEmpty()) {
                List<String> train = new ArrayList<>(plain);
                train.addAll(training);
                finish(start(command(train, "run", "reflection"), tmp), "training run for jvm=" + jvm);
                List<String> check = new ArrayList<>(plain);
                check.addAll(archived);
                check.add("-Xlog:class+load=info");
                String log = finish(start(command(check, "run", "reflection"), tmp), "archive check for jvm=" + jvm);
                if (!log.contains(MAIN_CLASS + " source: shared objects file")) {
                    throw new IllegalStateException("jvm=" + jvm + ": the archive made by the training run was not used "
                            + "(" + MAIN_CLASS + " was not loaded from it); see -Xlog:cds,aot for why");
                }
            }
            plain.addAll(archived);
            options = List.copyOf(plain);
        }

        List<String> command(List<String> jvmOptions, String... args) {
            List<String> command = new ArrayList<>();
            command.add(java().toString());
            command.addAll(jvmOptions);
            if (classPath) {
                command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", jar.toString(), MAIN_CLASS));
            } else {
                command.add("-jar");
                command.add(jar.toString());
            }
            command.addAll(List.of(args));
            return command;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            deleteTree(dir);
        }
    }

    /** The process an invocation started: read to the end and checked after the clock stops. */
    @State(Scope.Thread)
    public static class Launched {
        @Nullable Started started;

        @TearDown(Level.Invocation)
        public void finishProcess() throws IOException, InterruptedException {
            Started s = started;
            started = null;
            if (s != null) {
                finish(s, "the timed run");
            }
        }
    }

    /** A started process, its stdout reader and the file its stderr goes to. */
    record Started(Process process, BufferedReader stdout, Path stderr, List<String> command) {
    }

    @Benchmark
    public String baselineJvm(BareJvm bare, Launched launched) throws IOException {
        return firstLine(bare.command, bare.dir, launched, Hello.LINE);
    }

    @Benchmark
    public String runText(Cli cli, Launched launched) throws IOException {
        return firstLine(cli.command(cli.options, "run", "reflection"), cli.dir, launched, TEXT_FIRST_LINE);
    }

    @Benchmark
    public String runJson(Cli cli, Launched launched) throws IOException {
        return firstLine(cli.command(cli.options, "run", "reflection", "--output", "json"), cli.dir, launched,
                "{\"messages\":[");
    }

    private static String firstLine(List<String> command, @Nullable Path dir, Launched launched, String expected)
            throws IOException {
        Started s = start(command, dir);
        launched.started = s;
        String line = s.stdout.readLine();
        if (line == null || !line.startsWith(expected)) {
            throw new IllegalStateException("expected the first line of " + String.join(" ", command) + " to start with '"
                    + expected + "', got " + (line == null ? "no output" : "'" + line + "'")
                    + "; stderr: " + Files.readString(s.stderr).strip());
        }
        return line;
    }

    static Started start(List<String> command, @Nullable Path dir) throws IOException {
        Path workDir = dir == null ? Path.of(".") : dir;
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            // the runs read nothing: close stdin at once
        }
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return new Started(process, stdout, stderr, command);
    }

    /** Reads the rest of stdout, waits for the exit and fails unless it is 0; returns the rest of stdout. */
    static String finish(Started s, String what) throws IOException, InterruptedException {
        StringBuilder rest = new StringBuilder();
        try (BufferedReader in = s.stdout) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }
        }
        if (!s.process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            s.process.destroyForcibly();
            throw new IllegalStateException(what + ": no exit after " + EXIT_TIMEOUT_SECONDS + " s: " + String.join(" ", s.command));
        }
        String err = Files.readString(s.stderr).strip();
        Files.deleteIfExists(s.stderr);
        if (s.process.exitValue() != 0) {
            throw new IllegalStateException(what + ": exit code " + s.process.exitValue() + " from "
                    + String.join(" ", s.command) + "; stderr: " + err);
        }
        return rest.toString();
    }

    /** The {@code java} of the JDK running the benchmark, so the runs use the same JDK. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code -Dautogen.cli.jar}, or {@code cli/target/autogen.jar} of the enclosing checkout. */
    static Path cliJar() {
        String property = System.getProperty("autogen.cli.jar");
        Path jar;
        if (property != null) {
            jar = Path.of(property).toAbsolutePath();
        } else {
            Path root = Path.of("").toAbsolutePath();
            while (root != null && !Files.isRegularFile(root.resolve("cli/pom.xml"))) {
                root = root.getParent();
            }
            if (root == null) {
                throw new IllegalStateException("cannot find the checkout (a folder with cli/pom.xml) above "
                        + Path.of("").toAbsolutePath() + "; run from the checkout or pass -Dautogen.cli.jar=PATH "
                        + "(e.g. -jvmArgsAppend -Dautogen.cli.jar=PATH to JMH)");
            }
            jar = root.resolve("cli/target/autogen.jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no command-line jar at " + jar + "; build it with `" + BUILD_COMMAND
                    + "` at the checkout's root (benchmarks/startup.sh does this for you)");
        }
        return jar;
    }

    static void deleteTree(@Nullable Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
