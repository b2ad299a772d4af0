package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a GraphRAG index's output lies and which community level to search, with Python's field
 * names ({@code DataConfig}, {@code GlobalDataConfig} and {@code LocalDataConfig} in one record): each
 * table is read from {@code <input_dir>/<table>.parquet}.
 *
 * @param inputDir the folder holding the parquet files (GraphRAG's {@code output} folder)
 * @param entityTable entities: id, title, type, description, text_unit_ids, degree
 * @param entityEmbeddingTable the table holding each entity's description embedding (see {@link LocalSearchTool})
 * @param communityTable communities: community, level, entity_ids
 * @param communityLevel the deepest community level searched (Python's default 2)
 * @param communityReportTable community reports (global and local search)
 * @param relationshipTable relationships (local search)
 * @param textUnitTable text units (local search)
 */
public record DataConfig(
        @JsonProperty("input_dir") String inputDir,
        @JsonProperty("entity_table") String entityTable,
        @JsonProperty("entity_embedding_table") String entityEmbeddingTable,
        @JsonProperty("community_table") String communityTable,
        @JsonProperty("community_level") int communityLevel,
        @JsonProperty("community_report_table") String communityReportTable,
        @JsonProperty("relationship_table") String relationshipTable,
        @JsonProperty("text_unit_table") String textUnitTable) {

    @JsonCreator
    public DataConfig(
            @JsonProperty("input_dir") String inputDir,
            @JsonProperty("entity_table") @Nullable String entityTable,
            @JsonProperty("entity_embedding_table") @Nullable String entityEmbeddingTable,
            @JsonProperty("community_table") @Nullable String communityTable,
            @JsonProperty("community_level") @Nullable Integer communityLevel,
            @JsonProperty("community_report_table") @Nullable String communityReportTable,
            @JsonProperty("relationship_table") @Nullable String relationshipTable,
            @JsonProperty("text_unit_table") @Nullable String textUnitTable) {
        this(inputDir, or(entityTable, "entities"), or(entityEmbeddingTable, "entities"), or(communityTable, "communities"),
                communityLevel == null ? 2 : communityLevel, or(communityReportTable, "community_reports"),
                or(relationshipTable, "relationships"), or(textUnitTable, "text_units"));
    }

    public DataConfig {
        Objects.requireNonNull(inputDir, "input_dir");
        if (communityLevel < 0) {
            throw new IllegalArgumentException("community_level must be 0 or more, got " + communityLevel);
        }
    }

    /** The defaults of Python's config for {@code inputDir}. */
    public static DataConfig of(String inputDir) {
        return builder(inputDir).build();
    }

    public static Builder builder(String inputDir) {
        return new Builder(inputDir);
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Builds a {@link DataConfig}; unset fields take Python's defaults. */
    public static final class Builder {
        private final String inputDir;
        private String entityTable = "entities";
        private String entityEmbeddingTable = "entities";
        private String communityTable = "communities";
        private int communityLevel = 2;
        private String communityReportTable = "community_reports";
        private String relationshipTable = "relationships";
        private String textUnitTable = "text_units";

        private Builder(String inputDir) {
            this.inputDir = Objects.requireNonNull(inputDir, "inputDir");
        }

        public Builder entityTable(String v) { this.entityTable = v; return this; }
        public Builder entityEmbeddingTable(String v) { this.entityEmbeddingTable = v; return this; }
        public Builder communityTable(String v) { this.communityTable = v; return this; }
        public Builder communityLevel(int v) { this.communityLevel = v; return this; }
        public Builder communityReportTable(String v) { this.communityReportTable = v; return this; }
        public Builder relationshipTable(String v) { this.relationshipTable = v; return this; }
        public Builder textUnitTable(String v) { this.textUnitTable = v; return this; }

        public DataConfig build() {
            return new DataConfig(inputDir, entityTable, entityEmbeddingTable, communityTable, communityLevel,
                    communityReportTable, relationshipTable, textUnitTable);
        }
    }
}
