package dev.autogen.ext.tools.graphrag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import org.junit.jupiter.api.Test;

/** The configs read and write Python's field names; fields a JSON object leaves out take Python's defaults. */
class ConfigJsonTest {

    @Test
    void pythonShapedJsonLoadsWithDefaultsForWhatItLeavesOut() throws Exception {
        var mapper = AutogenJson.mapper();
        DataConfig data = mapper.readValue("{\"input_dir\": \"./output\", \"community_level\": 1}", DataConfig.class);
        assertThat(data).isEqualTo(DataConfig.builder("./output").communityLevel(1).build());
        assertThat(data.entityEmbeddingTable()).isEqualTo("entities");
        assertThat(data.communityReportTable()).isEqualTo("community_reports");

        GlobalContextConfig global = mapper.readValue("{\"max_data_tokens\": 3000, \"shuffle_data\": false}",
                GlobalContextConfig.class);
        assertThat(global).isEqualTo(GlobalContextConfig.builder().maxDataTokens(3000).shuffleData(false).build());
        assertThat(global.communityWeightName()).isEqualTo("occurrence weight");

        LocalContextConfig local = mapper.readValue("{\"text_unit_prop\": 0.4}", LocalContextConfig.class);
        assertThat(local).isEqualTo(LocalContextConfig.builder().textUnitProp(0.4).build());

        MapReduceConfig mapReduce = mapper.readValue("{\"json_mode\": true, \"response_type\": \"a list\"}",
                MapReduceConfig.class);
        assertThat(mapReduce).isEqualTo(MapReduceConfig.builder().jsonMode(true).responseType("a list").build());
        assertThat(mapReduce.mapMaxTokens()).isEqualTo(1000);

        assertThat(mapper.readValue("{}", SearchConfig.class)).isEqualTo(SearchConfig.defaults());
    }

    @Test
    void configsWritePythonsFieldNames() {
        JsonNode json = AutogenJson.mapper().valueToTree(DataConfig.of("out"));
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("input_dir", "entity_table",
                "entity_embedding_table", "community_table", "community_level", "community_report_table",
                "relationship_table", "text_unit_table");
        JsonNode mapReduce = AutogenJson.mapper().valueToTree(MapReduceConfig.defaults());
        assertThat(mapReduce.path("allow_general_knowledge").asBoolean(true)).isFalse();
        assertThat(mapReduce.path("response_type").asText()).isEqualTo("multiple paragraphs");
    }
}
