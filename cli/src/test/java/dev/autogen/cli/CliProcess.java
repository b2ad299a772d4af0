package dev.autogen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code autogen} command in a fresh JVM with a chosen environment, for what the in-process
 * {@link Cli} cannot control: environment variables such as {@code OPENAI_API_KEY}, and the real exit.
 */
final class CliProcess {
    /** Variables a model client reads; removed unless the test sets them, so the machine's own do not leak in. */
    private static final List<String> MODEL_VARIABLES = List.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID",
            "OPENAI_PROJECT_ID", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "OLLAMA_HOST", "AZURE_OPENAI_API_KEY",
            "AZURE_OPENAI_AD_TOKEN", "AZURE_OPENAI_ENDPOINT", "GEMINI_API_KEY");

    private CliProcess() {
    }

    static Cli run(Map<String, String> environment, String... args) {
        try {
            Process process = builder(environment, args).start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
            String out = read(process, false);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("autogen " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Cli(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts the command and returns at once, its output discarded: for a test that kills it. */
    static Process start(Map<String, String> environment, String... args) throws IOException {
        Process process = builder(environment, args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        return process;
    }

    private static ProcessBuilder builder(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        MODEL_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return builder;
    }

    private static String read(Process process, boolean stderr) {
        try {
            return new String((stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
