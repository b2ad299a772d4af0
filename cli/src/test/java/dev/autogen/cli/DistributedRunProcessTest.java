package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen host}, {@code autogen worker} and {@code autogen run --host} as three OS processes on
 * loopback: a team whose participant another process serves gives what it gives in one process.
 */
@Timeout(180)
class DistributedRunProcessTest {
    private static final String CONFIG = Cli.config("round_robin_replay.json");

    private final List<Process> processes = new ArrayList<>();
    private String hostAddress;

    @TempDir
    Path dir;

    @BeforeEach
    void startHost() throws IOException {
        String line = firstLine(start("host", "--port", "0"));
        assertThat(line).startsWith("AutoGen host listening on ");
        hostAddress = line.substring("AutoGen host listening on ".length(), line.indexOf(';'));
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes.reversed()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Process serveBob(String teamId) throws IOException {
        Process worker = start("worker", "--host", hostAddress, "--team-id", teamId, "--participant", "bob", CONFIG);
        assertThat(firstLine(worker)).isEqualTo("AutoGen worker serving ['bob'] of team '" + teamId
                + "' through the host at " + hostAddress + "; stop it with Ctrl-C.");
        return worker;
    }

    @Test
    void aTeamWithAParticipantOnAWorkerGivesTheSameJsonAndStateAsInOneProcess() throws Exception {
        Path alone = dir.resolve("alone.json");
        Cli inProcess = Cli.run("run", CONFIG, "--task", "Say hello.", "--output", "json", "--state-out", alone.toString());
        assertThat(inProcess.exitCode()).as(inProcess.err()).isZero();

        serveBob("hello");
        Path spread = dir.resolve("spread.json");
        Cli distributed = CliProcess.run(Map.of(), "run", CONFIG, "--host", hostAddress, "--team-id", "hello",
                "--remote", "bob", "--task", "Say hello.", "--output", "json", "--state-out", spread.toString());
        assertThat(distributed.exitCode()).as(distributed.err()).isZero();

        JsonNode result = comparable(AutogenJson.mapper().readTree(distributed.out()));
        assertThat(result).isEqualTo(comparable(AutogenJson.mapper().readTree(inProcess.out())));
        assertThat(result.path("messages").findValuesAsText("source")).containsExactly("user", "alice", "bob", "alice", "bob");
        assertThat(comparable(AutogenJson.mapper().readTree(Files.readString(spread))))
                .isEqualTo(comparable(AutogenJson.mapper().readTree(Files.readString(alone))));
    }

    @Test
    void aKilledWorkerIsNamedInsteadOfAHang() throws Exception {
        Process worker = serveBob("gone");
        worker.destroyForcibly();
        worker.waitFor();

        Cli run = CliProcess.run(Map.of(), "run", CONFIG, "--host", hostAddress, "--team-id", "gone", "--remote", "bob",
                "--task", "Anyone?");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the participants of team 'RoundRobinGroupChat' that workers serve")
                .contains("no worker connected to this host serves agent type 'bob_gone'")
                .contains("Start them with 'autogen worker --host " + hostAddress + " --team-id gone ...'");
    }

    @Test
    void optionsThatDoNotGoTogetherAreNamed() {
        Cli unknown = Cli.run("worker", "--host", "127.0.0.1:1", "--team-id", "t", "--participant", "carol", CONFIG);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no participant named 'carol'; its participants are [alice, bob]");

        Cli remoteAlone = Cli.run("run", CONFIG, "--remote", "bob", "--task", "x");
        assertThat(remoteAlone.exitCode()).isEqualTo(1);
        assertThat(remoteAlone.err()).contains("--team-id and --remote need --host");

        Cli noTeamId = Cli.run("run", CONFIG, "--host", hostAddress, "--remote", "bob", "--task", "x");
        assertThat(noTeamId.exitCode()).isEqualTo(1);
        assertThat(noTeamId.err()).contains("--remote needs --team-id");

        Cli wrongName = Cli.run("run", CONFIG, "--host", hostAddress, "--team-id", "t", "--remote", "carol", "--task", "x");
        assertThat(wrongName.exitCode()).isEqualTo(1);
        assertThat(wrongName.err()).contains("no participant is named [carol]");
    }

    /** The JSON without what differs between any two runs: ids and times. */
    private static JsonNode comparable(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("id", "created_at"));
        }
        node.forEach(DistributedRunProcessTest::strip);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    private static String firstLine(Process process) throws IOException {
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the process's first line").isNotNull();
        return line;
    }
}
