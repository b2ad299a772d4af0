package dev.autogen.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.serialization.AutogenJson;
import org.junit.jupiter.api.Test;

class ModelInfoBuilderTest {
    @Test
    void theBuilderStartsWithEverythingOffAndTheFamilyUnknown() {
        assertThat(ModelInfo.builder().build()).isEqualTo(new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, null));
        assertThat(ModelInfo.builder().build()).isEqualTo(ModelInfo.unknown());
    }

    @Test
    void theBuilderSetsEachField() {
        ModelInfo info = ModelInfo.builder().vision(true).functionCalling(true).jsonOutput(true).family(ModelFamily.GPT_4O)
                .structuredOutput(true).multipleSystemMessages(false).build();
        assertThat(info).isEqualTo(new ModelInfo(true, true, true, ModelFamily.GPT_4O, true, false));
        assertThat(info.toBuilder().vision(false).build())
                .isEqualTo(new ModelInfo(false, true, true, ModelFamily.GPT_4O, true, false));
    }

    @Test
    void presetsCoverTheCommonCases() {
        assertThat(ModelInfo.toolCalling()).isEqualTo(new ModelInfo(false, true, false, ModelFamily.UNKNOWN, false, null));
        assertThat(ModelInfo.textAndTools()).isEqualTo(new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null));
        assertThat(ModelInfo.allCapabilities(ModelFamily.CLAUDE_3_5_SONNET))
                .isEqualTo(new ModelInfo(true, true, true, ModelFamily.CLAUDE_3_5_SONNET, true, null));
    }

    @Test
    void aBuiltInfoWritesPythonsJson() throws Exception {
        assertThat(AutogenJson.mapper().writeValueAsString(ModelInfo.textAndTools())).isEqualTo(
                "{\"vision\":false,\"function_calling\":true,\"json_output\":true,\"family\":\"unknown\",\"structured_output\":true}");
    }
}
