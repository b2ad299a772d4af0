package dev.autogen.ext.tools.graphrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalSearchToolTest {
    @TempDir
    Path dir;

    @BeforeEach
    void index() throws Exception {
        TestIndex.write(dir);
    }

    static String system(CreateRequest request) {
        return ((SystemMessage) request.messages().getFirst()).content();
    }

    static String user(CreateRequest request) {
        return ((UserMessage) request.messages().getLast()).content().toText();
    }

    @Test
    void mapsTheReportsOfTheCommunityLevelAndReducesTheRatedPoints() throws Exception {
        var model = new ReplayChatCompletionClient(List.of(
                "{\"points\": [{\"description\": \"POK rallies in Abila City Park [Data: Reports (1)]\", \"score\": 80},"
                        + " {\"description\": \"Nothing else matters\", \"score\": 0}]}",
                "POK is the group behind the rallies."));
        var tool = GlobalSearchTool.builder(model, DataConfig.builder(dir.toString()).communityLevel(1).build()).build();

        var result = tool.run(new GlobalSearchTool.GlobalSearchToolArgs("Who organises the rallies?"), new CancellationToken());

        assertThat(result.answer()).isEqualTo("POK is the group behind the rallies.");
        List<CreateRequest> calls = model.createCalls();
        assertThat(calls).hasSize(2);

        CreateRequest map = calls.get(0);
        assertThat(user(map)).isEqualTo("Who organises the rallies?");
        assertThat(system(map))
                .contains("-----Reports-----\nid|title|occurrence weight|content|rank\n")
                .contains("1|POK and the park|1|POK organises rallies in Abila City Park.|8\n")
                .contains("2|GasTech on Kronos|1|GasTech drills wells on Kronos.|6\n")
                .contains("\"points\"")
                .doesNotContain("The whole island of Kronos")      // level 0: a deeper community holds every entity
                .doesNotContain("weekly gatherings");              // level 2: below the level asked for
        assertThat(map.extraCreateArgs()).containsEntry("max_tokens", 1000).containsEntry("temperature", 0.0);

        CreateRequest reduce = calls.get(1);
        assertThat(user(reduce)).isEqualTo("Who organises the rallies?");
        assertThat(system(reduce))
                .contains("----Analyst 1----\nImportance Score: 80\nPOK rallies in Abila City Park [Data: Reports (1)]")
                .contains("multiple paragraphs")
                .doesNotContain("Nothing else matters");
        assertThat(reduce.extraCreateArgs()).containsEntry("max_tokens", 2000);
    }

    @Test
    void aDeeperLevelSearchesTheDeeperReports() {
        var model = ReplayChatCompletionClient.of("{\"points\": []}");
        var tool = GlobalSearchTool.builder(model, DataConfig.of(dir.toString())).build();
        assertThat(String.join("\n", tool.contextBatches()))
                .contains("The park hosts weekly gatherings.")
                .contains("POK organises rallies")
                .contains("GasTech drills wells")
                .doesNotContain("The whole island of Kronos");
    }

    @Test
    void batchesBeyondTheTokenBudgetAreMappedSeparatelyAndThePointsRankedByScore() throws Exception {
        var model = new ScriptedChatCompletionClient(ModelInfo.unknown(), request -> {
            String system = system(request);
            if (system.contains("Analyst")) {
                return "Combined answer.";
            }
            if (system.contains("POK organises rallies")) {
                return "{\"points\": [{\"description\": \"Rallies by POK\", \"score\": 40}]}";
            }
            return "```json\n{\"points\": [{\"description\": \"GasTech drills\", \"score\": 90}]}\n```";
        });
        var tool = GlobalSearchTool.builder(model, DataConfig.builder(dir.toString()).communityLevel(1).build())
                .contextConfig(GlobalContextConfig.builder().maxDataTokens(40).build())
                .build();
        assertThat(tool.contextBatches()).hasSize(2);

        var result = tool.run(new GlobalSearchTool.GlobalSearchToolArgs("What happens on Kronos?"), new CancellationToken());

        assertThat(result.answer()).isEqualTo("Combined answer.");
        assertThat(model.requests()).hasSize(3);
        String reduce = system(model.requests().getLast());
        assertThat(reduce).contains("----Analyst 1----\nImportance Score: 90\nGasTech drills");
        assertThat(reduce).contains("----Analyst 2----\nImportance Score: 40\nRallies by POK");
    }

    @Test
    void withNoUsefulPointTheAnswerSaysTheDataDoesNotTell() throws Exception {
        var model = ReplayChatCompletionClient.of("{\"points\": [{\"description\": \"Not in the data\", \"score\": 0}]}",
                "should not be asked");
        var tool = GlobalSearchTool.builder(model, DataConfig.builder(dir.toString()).communityLevel(1).build()).build();
        var json = tool.runJson(AutogenJson.mapper().readTree("{\"query\": \"What is the weather?\"}"), new CancellationToken(), "c1");
        assertThat(tool.returnValueAsString(json))
                .isEqualTo("{\"answer\":\"" + GlobalSearchTool.NO_DATA_ANSWER + "\"}");
        assertThat(model.createCalls()).hasSize(1);
    }

    @Test
    void aCancelledSearchAsksTheModelNothing() {
        var model = ReplayChatCompletionClient.of("{\"points\": []}");
        var tool = GlobalSearchTool.builder(model, DataConfig.of(dir.toString())).build();
        var token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> tool.run(new GlobalSearchTool.GlobalSearchToolArgs("anything"), token))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(model.createCalls()).isEmpty();
    }

    @Test
    void aMissingTableIsNamed() throws Exception {
        Files.delete(dir.resolve("community_reports.parquet"));
        var model = ReplayChatCompletionClient.of("unused");
        assertThatThrownBy(() -> GlobalSearchTool.builder(model, DataConfig.of(dir.toString())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GraphRAG community_reports table not found")
                .hasMessageContaining(dir.resolve("community_reports.parquet").toString());
    }

    @Test
    void aMissingColumnIsNamedWithTheFile() throws Exception {
        TestIndex.sql(dir, "COPY (SELECT 'c1' AS id, 1 AS level) TO '%s/communities.parquet' (FORMAT PARQUET)");
        var model = ReplayChatCompletionClient.of("unused");
        assertThatThrownBy(() -> GlobalSearchTool.builder(model, DataConfig.of(dir.toString())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("communities.parquet") + " has no column 'community'")
                .hasMessageContaining("(it has: id, level)");
    }

    @Test
    void aFileThatIsNotParquetIsNamed() throws Exception {
        Files.writeString(dir.resolve("entities.parquet"), "id,title\ne1,POK\n");
        var model = ReplayChatCompletionClient.of("unused");
        assertThatThrownBy(() -> GlobalSearchTool.builder(model, DataConfig.of(dir.toString())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("could not read " + dir.resolve("entities.parquet") + " as a parquet file");
    }

    @Test
    void fromSettingsReadsTheOutputFolderOfSettingsYaml() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("out"));
        TestIndex.write(root.resolve("out"));
        Files.writeString(root.resolve("settings.yaml"), """
                models:
                  default_chat_model:
                    type: openai_chat
                    model: gpt-4o-mini
                output:
                  type: file
                  base_dir: "out"
                """);
        var tool = GlobalSearchTool.fromSettings(root, null, ReplayChatCompletionClient.of("unused"));
        assertThat(tool.contextBatches()).isNotEmpty();
        assertThatThrownBy(() -> GlobalSearchTool.fromSettings(dir.resolve("nowhere"), null, ReplayChatCompletionClient.of("x")))
                .hasMessageContaining("GraphRAG settings file not found");
    }
}
