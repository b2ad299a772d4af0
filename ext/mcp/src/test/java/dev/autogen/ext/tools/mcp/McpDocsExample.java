package dev.autogen.ext.tools.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example of docs/tools-mcp.md, kept compiling and running by {@link McpDocsExampleTest}. */
public final class McpDocsExample {
    private McpDocsExample() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("mcp-demo");
        Files.writeString(work.resolve("hello.txt"), "Hello from an MCP server!");

        var params = StdioServerParams.builder("npx")
                .args("-y", "@modelcontextprotocol/server-filesystem", work.toString())
                .readTimeout(java.time.Duration.ofSeconds(60))    // the first npx run downloads the package
                .build();
        System.out.print(run(params, work));
    }

    static String run(StdioServerParams params, Path work) {
        StringBuilder out = new StringBuilder();
        try (var workbench = new McpWorkbench(params)) {
            for (ToolSchema tool : workbench.listTools()) {
                out.append(tool.name()).append(": ").append(tool.description().lines().findFirst().orElse("")).append('\n');
            }
            ObjectNode arguments = AutogenJson.mapper().createObjectNode().put("path", work.resolve("hello.txt").toString());
            ToolResult result = workbench.callTool("read_text_file", arguments);
            out.append(result.isError() ? "error: " : "read: ").append(result.toText()).append('\n');
        }
        return out.toString();
    }
}
