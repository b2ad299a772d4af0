package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.tools.mcp.McpWorkbench;
import dev.autogen.ext.tools.mcp.StdioServerParams;
import dev.autogen.ext.tools.mcp.StreamableHttpServerParams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code autogen serve-mcp}: a config's agent served as an MCP tool, used through our own MCP client. */
@Timeout(120)
class ServeMcpCommandTest {
    private static final String AGENT = Cli.config("assistant_agent_replay.json");

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void overStdioTheAgentIsAToolThatAnswersTheTask() throws Exception {
        List<String> command = command("serve-mcp", AGENT);
        var params = StdioServerParams.builder(command.getFirst()).args(command.subList(1, command.size())).build();
        try (var workbench = new McpWorkbench(params)) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name).containsExactly("alice");
            ToolResult result = workbench.callTool("alice", AutogenJson.mapper().valueToTree(Map.of("task", "Hi.")));
            assertThat(result.isError()).isFalse();
            assertThat(result.toText()).isEqualTo("Hello from the single agent.");
        }
    }

    @Test
    void overHttpTheEndpointIsPrintedAndServesTheAgent() throws Exception {
        Process process = new ProcessBuilder(command("serve-mcp", AGENT, "--http", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("AutoGen MCP server: [alice] at http://127.0.0.1:").endsWith("; stop it with Ctrl-C.");
            String url = line.substring(line.indexOf("http://"), line.indexOf(';'));
            try (var workbench = new McpWorkbench(new StreamableHttpServerParams(url, null, 10, 60, true))) {
                ToolResult result = workbench.callTool("alice", AutogenJson.mapper().valueToTree(Map.of("task", "Hi.")));
                assertThat(result.toText()).isEqualTo("Hello from the single agent.");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void anAddressOtherMachinesReachNeedsAToken() {
        Cli cli = CliProcess.run(Map.of(), "serve-mcp", AGENT, "--http", "0", "--bind", "0.0.0.0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("which other machines reach, without a token").contains("AUTOGEN_MCP_TOKEN");
    }
}
