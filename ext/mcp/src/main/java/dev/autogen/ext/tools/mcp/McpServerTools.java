package dev.autogen.ext.tools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tools of an MCP server as plain {@link dev.autogen.core.tools.Tool}s, as Python's
 * {@code mcp_server_tools}: one adapter per tool, to give to an agent's tool list.
 *
 * <pre>{@code
 * // one long-lived session, closed with the workbench (recommended):
 * try (var workbench = new McpWorkbench(StdioServerParams.of("uvx", "mcp-server-fetch"))) {
 *     List<McpToolAdapter<?>> tools = McpServerTools.of(workbench);
 *     // give the tools to an agent and run it here
 * }
 * // Python's default: a new session (for stdio, a new server process) for every call
 * List<McpToolAdapter<?>> tools = McpServerTools.of(StdioServerParams.of("uvx", "mcp-server-fetch"));
 * }</pre>
 */
public final class McpServerTools {
    private McpServerTools() {
    }

    /**
     * Lists the server's tools over a short session and returns adapters that each open a session
     * for every call.
     *
     * @throws McpSessionException if the server cannot be started, reached or listed
     */
    public static List<McpToolAdapter<?>> of(McpServerParams serverParams) {
        Objects.requireNonNull(serverParams, "serverParams");
        try (var workbench = new McpWorkbench(serverParams)) {
            return adapters(serverParams, workbench.listMcpTools(), null);
        }
    }

    /**
     * Adapters for the tools of the workbench's server that call through the workbench's session
     * (started if needed); they work until the workbench is stopped. Overrides of the workbench
     * are not applied: adapters carry the server's names.
     *
     * @throws McpSessionException if the server cannot be started, reached or listed
     */
    public static List<McpToolAdapter<?>> of(McpWorkbench workbench) {
        Objects.requireNonNull(workbench, "workbench");
        return adapters(workbench.serverParams(), workbench.listMcpTools(), workbench);
    }

    /**
     * The adapter for one tool, as Python's {@code from_server_params}.
     *
     * @throws IllegalArgumentException if the server has no tool of that name; the message lists those it has
     * @throws McpSessionException if the server cannot be started, reached or listed
     */
    public static McpToolAdapter<?> tool(McpServerParams serverParams, String toolName) {
        List<McpToolAdapter<?>> tools = of(serverParams);
        return tools.stream().filter(t -> t.name().equals(toolName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Tool '" + toolName + "' not found, available tools: "
                        + String.join(", ", tools.stream().map(McpToolAdapter::name).toList())));
    }

    private static List<McpToolAdapter<?>> adapters(McpServerParams params, List<McpSchema.Tool> tools,
            @org.jspecify.annotations.Nullable McpWorkbench workbench) {
        List<McpToolAdapter<?>> adapters = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            adapters.add(McpToolAdapter.of(params, tool, workbench));
        }
        return List.copyOf(adapters);
    }
}
