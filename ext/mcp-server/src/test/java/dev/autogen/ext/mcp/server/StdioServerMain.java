package dev.autogen.ext.mcp.server;


/** An MCP server over stdio in a process of its own, for {@link McpAgentServerTest}: serves the poet. */
public final class StdioServerMain {
    private StdioServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        McpAgentServer.builder().serve(McpAgentServerTest.poet()).build().serveStdio();
    }

}
