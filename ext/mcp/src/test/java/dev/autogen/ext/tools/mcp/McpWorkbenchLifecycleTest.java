package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, stopping, dying and restarting of stdio MCP servers. */
class McpWorkbenchLifecycleTest {

    static JsonNode json(String text) throws Exception {
        return AutogenJson.mapper().readTree(text);
    }

    @Test
    void theSessionStartsOnFirstUseAndStopEndsTheServerProcessTree() throws Exception {
        var workbench = new McpWorkbench(McpTestServers.everything("stdio").build());
        assertThat(workbench.isRunning()).isFalse();
        assertThat(workbench.serverProcess()).isEmpty();

        assertThat(workbench.callTool("echo", json("{\"message\": \"first\"}")).toText()).isEqualTo("Echo: first");
        ProcessHandle server = workbench.serverProcess().orElseThrow();
        List<ProcessHandle> tree = server.descendants().toList();
        assertThat(server.isAlive()).isTrue();
        assertThat(workbench.isRunning()).isTrue();

        workbench.stop();

        assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(workbench.isRunning()).isFalse();
        assertThat(workbench.serverProcess()).isEmpty();
        workbench.stop();

        assertThat(workbench.callTool("echo", json("{\"message\": \"again\"}")).toText()).isEqualTo("Echo: again");
        ProcessHandle second = workbench.serverProcess().orElseThrow();
        assertThat(second.pid()).isNotEqualTo(server.pid());
        workbench.close();
        assertThat(second.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void aServerKilledMidSessionGivesAClearErrorAndStartRestartsIt() throws Exception {
        try (var workbench = new McpWorkbench(McpTestServers.everything("stdio").build())) {
            assertThat(workbench.callTool("echo", json("{\"message\": \"before\"}")).isError()).isFalse();
            ProcessHandle server = workbench.serverProcess().orElseThrow();

            server.destroyForcibly();
            server.onExit().get(60, TimeUnit.SECONDS);

            ToolResult afterDeath = workbench.callTool("echo", json("{\"message\": \"after\"}"));
            assertThat(afterDeath.isError()).isTrue();
            assertThat(afterDeath.toText())
                    .contains("Error calling MCP tool 'echo'")
                    .contains("(pid " + server.pid() + ") exited with code 137 (killed by signal 9)")
                    .contains("Call start() on the workbench");
            assertThat(workbench.isRunning()).isFalse();
            assertThatThrownBy(workbench::listTools)
                    .isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("stdio MCP server '")
                    .hasMessageContaining("exited with code 137");

            workbench.start();

            assertThat(workbench.isRunning()).isTrue();
            assertThat(workbench.serverProcess().orElseThrow().pid()).isNotEqualTo(server.pid());
            assertThat(workbench.callTool("echo", json("{\"message\": \"restarted\"}")).toText()).isEqualTo("Echo: restarted");
        }
    }

    @Test
    void aCallWaitingWhenTheServerDiesEndsWithTheExitNotATimeout() throws Exception {
        var params = McpTestServers.everything("stdio").readTimeout(java.time.Duration.ofSeconds(120)).build();
        try (var workbench = new McpWorkbench(params);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            workbench.start();
            ProcessHandle server = workbench.serverProcess().orElseThrow();
            Future<ToolResult> call = executor.submit(() -> workbench.callTool("trigger-long-running-operation",
                    json("{\"duration\": 60, \"steps\": 2}")));
            Thread.sleep(500);

            server.destroyForcibly();

            ToolResult result = call.get(60, TimeUnit.SECONDS);
            assertThat(result.isError()).isTrue();
            assertThat(result.toText()).contains("exited with code 137").doesNotContain("within");
        }
    }

    @Test
    void aProgramThatIsNotInstalledFailsToStartNamingIt() {
        try (var workbench = new McpWorkbench(StdioServerParams.of("no-such-mcp-server-7f3a"))) {
            assertThatThrownBy(workbench::start)
                    .isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("cannot start stdio MCP server 'no-such-mcp-server-7f3a'")
                    .hasMessageContaining("check that 'no-such-mcp-server-7f3a' is installed and on the PATH");

            ToolResult result = workbench.callTool("anything", null);
            assertThat(result.isError()).isTrue();
            assertThat(result.toText()).contains("Error calling MCP tool 'anything'").contains("no-such-mcp-server-7f3a");
        }
    }

    @Test
    void aServerThatExitsAtOnceReportsItsExitCodeAndStderr() {
        assertThat(McpTestServers.onPath("sh")).as("sh on the PATH").isTrue();
        var params = StdioServerParams.of("sh", "-c", "echo 'config file missing: /etc/mcp.json' >&2; exit 3");
        try (var workbench = new McpWorkbench(params)) {
            assertThatThrownBy(workbench::listTools)
                    .isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("cannot start a session with stdio MCP server 'sh -c")
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining("config file missing: /etc/mcp.json");
            assertThat(workbench.isRunning()).isFalse();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingTheSetting() {
        var params = StdioServerParams.builder("sh").args("-c", "exec sleep 600")
                .readTimeout(java.time.Duration.ofMillis(300)).build();
        try (var workbench = new McpWorkbench(params)) {
            assertThatThrownBy(workbench::start)
                    .isInstanceOf(McpSessionException.class)
                    .hasMessageContaining("did not answer initialize within 60s")
                    .hasMessageContaining("StdioServerParams.read_timeout_seconds");
            assertThat(workbench.serverProcess()).isEmpty();
        }
    }
}
