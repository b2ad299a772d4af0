package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolResult;
import dev.autogen.core.tools.ToolSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** McpWorkbench with server-filesystem over stdio, confined to a temporary directory. */
class FilesystemServerTest {
    @TempDir
    Path root;

    private static ObjectNode args(String key, String value) {
        return AutogenJson.mapper().createObjectNode().put(key, value);
    }

    @Test
    void readsWritesAndListsFilesInsideItsRootOnly() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "hello from java\n");
        try (var workbench = new McpWorkbench(McpTestServers.filesystem(root.toRealPath()).build())) {
            assertThat(workbench.listTools()).extracting(ToolSchema::name)
                    .contains("read_text_file", "write_file", "list_directory");

            ToolResult read = workbench.callTool("read_text_file", args("path", root.resolve("notes.txt").toString()));
            assertThat(read.isError()).isFalse();
            assertThat(read.toText()).isEqualTo("hello from java\n");

            ObjectNode write = args("path", root.resolve("out.txt").toString()).put("content", "written over MCP");
            assertThat(workbench.callTool("write_file", write).isError()).isFalse();
            assertThat(Files.readString(root.resolve("out.txt"))).isEqualTo("written over MCP");

            ToolResult list = workbench.callTool("list_directory", args("path", root.toString()));
            assertThat(list.toText()).contains("[FILE] notes.txt").contains("[FILE] out.txt");

            ToolResult outside = workbench.callTool("read_text_file", args("path", "/etc/hostname"));
            assertThat(outside.isError()).isTrue();
            assertThat(outside.name()).isEqualTo("read_text_file");
            assertThat(outside.toText()).containsIgnoringCase("access denied");
        }
    }

    @Test
    void cwdIsTheServersWorkingDirectory() throws Exception {
        Files.writeString(root.resolve("relative.txt"), "found via cwd");
        var params = McpTestServers.filesystem(root.toRealPath()).cwd(root.toRealPath()).build();
        try (var workbench = new McpWorkbench(params)) {
            ToolResult read = workbench.callTool("read_text_file", args("path", "relative.txt"));
            assertThat(read.toText()).isEqualTo("found via cwd");
        }
    }
}
