package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.AgentId;
import dev.autogen.core.ClosureAgent;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostCommandTest {
    record Question(String text) {
    }

    @Test
    @Timeout(120)
    void hostRunsUntilStoppedAndWorkersMeetThroughIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName(), "host", "--port", "0"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("AutoGen host listening on 127.0.0.1:");
            String address = line.substring("AutoGen host listening on ".length(), line.indexOf(';'));
            try (var answering = GrpcWorkerAgentRuntime.builder(address).build();
                    var asking = GrpcWorkerAgentRuntime.builder(address).build()) {
                answering.addMessageSerializer(dev.autogen.core.serialization.JsonMessageSerializer.of(Question.class));
                asking.addMessageSerializer(dev.autogen.core.serialization.JsonMessageSerializer.of(Question.class));
                answering.start();
                asking.start();
                ClosureAgent.builder("oracle", Question.class, (ctx, q, mctx) -> new Question(q.text() + "? yes"))
                        .register(answering);
                assertThat(asking.sendMessage(new Question("ready"), AgentId.of("oracle")))
                        .isEqualTo(new Question("ready? yes"));
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("host stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aHostOtherMachinesReachNeedsAToken() {
        Cli cli = CliProcess.run(java.util.Map.of(), "host", "--bind", "0.0.0.0", "--port", "0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("the host would listen on 0.0.0.0, which other machines reach, without a token")
                .contains("AUTOGEN_HOST_TOKEN");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("host", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).contains("autogen host: the host cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
