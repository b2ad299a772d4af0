package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.ext.a2a.A2AAgent;
import io.a2a.A2A;
import io.a2a.spec.AgentCard;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code autogen serve-a2a}: a config's agent served over A2A, read with the SDK and called by {@link A2AAgent}. */
@Timeout(120)
class ServeA2aCommandTest {
    private static final String AGENT = Cli.config("assistant_agent_replay.json");

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void theAgentIsServedAtThePrintedUrlAndAnswersAnA2AAgent() throws Exception {
        Process process = new ProcessBuilder(command("serve-a2a", AGENT, "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("AutoGen A2A server: 'alice' at http://127.0.0.1:")
                    .endsWith("; stop it with Ctrl-C.");
            String url = line.substring(line.indexOf("http://"), line.indexOf(" (card"));
            AgentCard card = A2A.getAgentCard(url);
            assertThat(card.name()).isEqualTo("alice");

            try (var alice = A2AAgent.builder("remote_alice", url).build()) {
                TaskResult result = alice.run("Hi.");
                assertThat(result.messages().getLast().toText()).isEqualTo("Hello from the single agent.");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void anAddressOtherMachinesReachNeedsAToken() {
        Cli cli = CliProcess.run(Map.of(), "serve-a2a", AGENT, "--port", "0", "--bind", "0.0.0.0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("which other machines reach, without a token").contains("AUTOGEN_A2A_TOKEN");
    }
}
