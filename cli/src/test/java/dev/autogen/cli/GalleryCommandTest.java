package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryCommandTest {
    @Test
    void listsTheDefaultGalleryByType() {
        Path gallery = Cli.pythonFixture("default_gallery.json");

        Cli cli = Cli.run("gallery", gallery.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Default Component Gallery (" + gallery + ")\n\nagents (4):\n"
                        + "  AssistantAgent          autogen_agentchat.agents.AssistantAgent\n"
                        + "                          An agent that provides assistance with ability to use tools.\n")
                .contains("\nmodels (4):\n  OpenAI GPT-4o Mini       autogen_ext.models.openai.OpenAIChatCompletionClient\n")
                .contains("\ntools (6):\n")
                .contains("\nterminations (3):\n")
                .contains("\nteams (4):\n  RoundRobin Team            autogen_agentchat.teams.RoundRobinGroupChat\n")
                .contains("\nworkbenches (3):\n")
                .contains("  HTTP Streamable MCP Workbench  autogen_ext.tools.mcp.McpWorkbench\n");
    }

    @Test
    void theGalleryOfEveryComponentLoadsButWhatNeedsPythonOrAModuleTheCommandLacks() {
        String gallery = Path.of("..", "examples", "galleries", "every-component.json").toString();

        Cli cli = Cli.run("validate", gallery);

        java.util.List<String> invalid = cli.out().lines().filter(line -> line.startsWith("invalid")).toList();
        assertThat(invalid).containsExactly(
                "invalid  components.memories[4] ChromaDB (Python only)",
                "invalid  components.memories[5] Redis memory (Python only)",
                "invalid  components.code_executors[2] Jupyter kernel",
                "invalid  components.code_executors[4] Azure Container Apps sessions");
        assertThat(cli.out()).contains("ChromaDBVectorMemory needs Python's chromadb client, which does not run in Java;"
                        + " use provider 'dev.autogen.ext.memory.lucene.LuceneVectorMemory'")
                .contains("it comes with the module dev.autogen:autogen-ext-jupyter, which is not on the class path")
                .contains("it comes with the module dev.autogen:autogen-ext-code-executors-azure, which is not on the class path")
                .contains(": 60 of 64 components load; 5 problems");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void aSingleComponentIsNotAGallery(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("team.json"), "{\"provider\": \"x\", \"config\": {}}");

        Cli cli = Cli.run("gallery", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("autogen: '" + file + "' is not a gallery file: it has no 'components' object");
    }
}
