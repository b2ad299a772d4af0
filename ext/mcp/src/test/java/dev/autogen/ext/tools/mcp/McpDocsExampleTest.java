package dev.autogen.ext.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpDocsExampleTest {
    @TempDir
    Path work;

    @Test
    void theGuidesExampleListsToolsAndReadsTheFile() throws Exception {
        Files.writeString(work.resolve("hello.txt"), "Hello from an MCP server!");
        String out = McpDocsExample.run(McpTestServers.filesystem(work.toRealPath()).build(), work.toRealPath());
        assertThat(out).contains("read_text_file: ").contains("read: Hello from an MCP server!");
    }
}
