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

    @Test
    @Timeout(120)
    void aClusterNodeRunsUntilStoppedAndWorkersMeetThroughIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName(), "host", "--cluster",
                "--port", "0", "--cluster-port", "0"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("AutoGen host node listening on 127.0.0.1:").contains("(cluster member 127.0.0.1:");
            String address = line.substring("AutoGen host node listening on ".length(), line.indexOf(' ',
                    "AutoGen host node listening on ".length()));
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
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aBadSeedNodeIsNamed() {
        Cli cli = Cli.run("host", "--cluster", "--port", "0", "--cluster-port", "0", "--seed-nodes", "127.0.0.1:2552,node-b");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("autogen host: seed node 'node-b' is not HOST:PORT").doesNotContain("Exception");
    }

    @Test
    void aClusterPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("host", "--cluster", "--port", "0", "--cluster-port", Integer.toString(taken.getLocalPort()));
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).contains("autogen host: the host node cannot listen on its cluster port 127.0.0.1:"
                    + taken.getLocalPort() + ": it is in use").doesNotContain("Exception");
        }
    }

    @Test
    void clusterOptionsNeedCluster() {
        Cli cli = Cli.run("host", "--port", "0", "--seed-nodes", "127.0.0.1:2552");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("are options of a cluster node; add --cluster");
    }

    @Test
    void aClusterConfigFileWithAnUnknownSettingIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("node.properties");
        java.nio.file.Files.writeString(file, "cluster-port=0\nseed-node=127.0.0.1:2552\n");
        Cli cli = Cli.run("host", "--cluster-config", file.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("has unknown settings [seed-node]").contains("seed-nodes");
    }
}
