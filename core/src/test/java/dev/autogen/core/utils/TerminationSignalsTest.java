package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.runtime.InProcessAgentRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A process that waits for SIGTERM or SIGINT stops its runtime and goes on, instead of exiting at once. */
@Timeout(120)
class TerminationSignalsTest {
    /** The process under test: a started runtime, stopped when a signal comes; prints what happened. */
    public static void main(String[] args) throws InterruptedException {
        var runtime = new InProcessAgentRuntime();
        runtime.start();
        String signal = TerminationSignals.await(() -> {
            System.out.println("WAITING");
            System.out.flush();
        });
        runtime.stop();
        System.out.println("GOT " + signal + ", runtime running: " + runtime.isRunning());
        System.out.flush();
        System.exit(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void theProgramGoesOnAfterTheSignalWithItsRuntimeStopped(String signal) throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), TerminationSignalsTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("WAITING");
            Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(process.pid()))).start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out.readLine()).isEqualTo("GOT " + signal + ", runtime running: false");
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as("exit code: the program's own, not the signal's").isZero();
    }
}
