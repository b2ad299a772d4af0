package dev.autogen.ext.tools.graphrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSearchToolTest {
    @TempDir
    Path dir;

    private final List<String> embedded = new CopyOnWriteArrayList<>();
    /** Embeds anything about parks near ABILA CITY PARK, anything else near KRONOS. */
    private final TextEmbedder embedder = text -> {
        embedded.add(text);
        return text.toLowerCase().contains("park") ? new float[] {1f, 0f, 0f} : new float[] {0f, 0f, 1f};
    };

    @BeforeEach
    void index() throws Exception {
        TestIndex.write(dir);
    }

    @Test
    void answersFromTheNearestEntitiesAndWhatSurroundsThem() throws Exception {
        var model = ReplayChatCompletionClient.of("POK gathers in Abila City Park.");
        var tool = LocalSearchTool.builder(model, embedder, DataConfig.builder(dir.toString()).communityLevel(1).build()).build();

        var result = tool.run(new LocalSearchTool.LocalSearchToolArgs("Who uses the park?"), new CancellationToken());

        assertThat(result.answer()).isEqualTo("POK gathers in Abila City Park.");
        assertThat(embedded).containsExactly("Who uses the park?");
        CreateRequest request = model.createCalls().getFirst();
        assertThat(((UserMessage) request.messages().getLast()).content().toText()).isEqualTo("Who uses the park?");
        assertThat(request.extraCreateArgs()).containsEntry("max_tokens", 1500).containsEntry("temperature", 0.0);
        String context = ((SystemMessage) request.messages().getFirst()).content();

        // Entities, nearest first, with their number of relationships.
        assertThat(context).contains("-----Entities-----\nid|entity|description|number of relationships\n"
                + "0|ABILA CITY PARK|A park in Abila where rallies gather|2\n"
                + "1|POK|Protectors of Kronos, an activist group|3\n");
        // Reports of the communities holding the most mapped entities come first (then by rank); each
        // entity counts for its deepest community at the level, so the level-0 report is not used.
        assertThat(context).contains("-----Reports-----\nid|title|content\n1|POK and the park|POK organises rallies in Abila City Park.\n"
                + "2|GasTech on Kronos|GasTech drills wells on Kronos.");
        assertThat(context).doesNotContain("The whole island of Kronos");
        // Relationships among the mapped entities, then those leaving them.
        assertThat(context).contains("-----Relationships-----\nid|source|target|description|weight|links\n"
                + "0|POK|ABILA CITY PARK|POK holds rallies in Abila City Park|2|2\n");
        // Sources of the nearest entity first.
        assertThat(context).contains("-----Sources-----\nid|text\n0|The rally at Abila City Park was organised by POK.\n");
        assertThat(context.indexOf("-----Reports-----")).isLessThan(context.indexOf("-----Entities-----"));
        assertThat(context.indexOf("-----Entities-----")).isLessThan(context.indexOf("-----Sources-----"));
    }

    @Test
    void theContextStaysWithinTheTokenBudget() throws Exception {
        var model = ReplayChatCompletionClient.of("unused");
        int budget = 120;
        var tool = LocalSearchTool.builder(model, embedder, DataConfig.of(dir.toString()))
                .contextConfig(LocalContextConfig.builder().maxDataTokens(budget).build())
                .build();
        String context = tool.buildContext("Tell me about Kronos");
        assertThat(SearchSupport.tokens(context)).isLessThanOrEqualTo(budget);
        // Only the nearest entity fits the entities' share; its source comes first.
        assertThat(context).contains("number of relationships\n3|KRONOS|An island nation|1\n\n");
        assertThat(context).doesNotContain("|ABILA CITY PARK|A park");
        assertThat(context).contains("-----Sources-----\nid|text\n2|GasTech operates wells on Kronos.\n");
    }

    @Test
    void aQueryEmbeddedWithAnotherModelIsRefused() {
        var model = ReplayChatCompletionClient.of("unused");
        var tool = LocalSearchTool.builder(model, text -> new float[] {1f, 0f}, DataConfig.of(dir.toString())).build();
        assertThatThrownBy(() -> tool.buildContext("anything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the query embedding has 2 dimensions but entity")
                .hasMessageContaining("was embedded with 3");
    }

    @Test
    void embeddingsMayComeFromAnExportedVectorTable() throws Exception {
        TestIndex.sql(dir, "COPY (SELECT * FROM (VALUES ('e4', 'An island nation', [0.0, 0.0, 1.0]::FLOAT[]))"
                + " t(id, text, vector)) TO '%s/entity_description_embeddings.parquet' (FORMAT PARQUET)");
        var model = ReplayChatCompletionClient.of("unused");
        var tool = LocalSearchTool.builder(model, embedder,
                DataConfig.builder(dir.toString()).entityEmbeddingTable("entity_description_embeddings").build()).build();
        assertThat(tool.buildContext("Tell me about Kronos")).contains("-----Entities-----\nid|entity|description|number of relationships\n3|KRONOS|");
    }

    @Test
    void anEmbeddingTableWithoutEmbeddingsIsNamed() throws Exception {
        TestIndex.sql(dir, "COPY (SELECT 'e1' AS id, 'x' AS text) TO '%s/embeddings.parquet' (FORMAT PARQUET)");
        var model = ReplayChatCompletionClient.of("unused");
        assertThatThrownBy(() -> LocalSearchTool.builder(model, embedder,
                DataConfig.builder(dir.toString()).entityEmbeddingTable("embeddings").build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("embeddings.parquet") + " has no column 'description_embedding' or 'vector'");
    }

    @Test
    void aMissingTextUnitTableIsNamed() throws Exception {
        Files.delete(dir.resolve("text_units.parquet"));
        var model = ReplayChatCompletionClient.of("unused");
        assertThatThrownBy(() -> LocalSearchTool.builder(model, embedder, DataConfig.of(dir.toString())).build())
                .hasMessageContaining("GraphRAG text_units table not found: " + dir.resolve("text_units.parquet"));
    }

    @Test
    void withoutCommunityReportsTheContextHasNone() throws Exception {
        Files.delete(dir.resolve("community_reports.parquet"));
        var model = ReplayChatCompletionClient.of("unused");
        var tool = LocalSearchTool.builder(model, embedder, DataConfig.of(dir.toString())).build();
        assertThat(tool.buildContext("the park")).doesNotContain("-----Reports-----").contains("-----Entities-----");
    }
}
