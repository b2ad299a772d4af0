package dev.autogen.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComponentModelTest {

    @Test
    void readsAndWritesPythonsJsonUnchanged() {
        String python = Fixtures.roundRobinTeamJson();

        assertThat(ComponentModel.fromJson(python).toJson()).isEqualTo(python);
    }

    @Test
    void everyGalleryComponentParses() {
        var gallery = Fixtures.read("default_gallery.json").get("components");
        int count = 0;
        for (var section : gallery) {
            for (var component : section) {
                ComponentModel model = ComponentModel.fromJsonNode(component);
                assertThat(model.toJsonNode()).isEqualTo(component);
                count++;
            }
        }
        assertThat(count).isGreaterThan(10);
    }

    @Test
    void absentOptionalFieldsAreOmitted() {
        var model = ComponentModel.of("OpenAIChatCompletionClient", Map.of("model", "gpt-4o"));

        assertThat(model.toJson()).isEqualTo("{\"provider\":\"OpenAIChatCompletionClient\",\"config\":{\"model\":\"gpt-4o\"}}");
        assertThat(ComponentModel.fromJson("{\"provider\":\"x\",\"description\":null,\"config\":{}}").description()).isNull();
    }

    @Test
    void prettyJsonIsIndentedLikePython() {
        var model = ComponentModel.of("p", new TreeMap<>(Map.of("a", List.of(1), "b", Map.of()))).withLabel("L");

        assertThat(model.toPrettyJson()).isEqualTo("""
                {
                  "provider": "p",
                  "label": "L",
                  "config": {
                    "a": [
                      1
                    ],
                    "b": {}
                  }
                }""");
    }

    @Test
    void theConfigCannotBeChangedFromOutside() {
        ObjectNode config = AutogenJson.mapper().createObjectNode().put("model", "gpt-4o");
        var model = ComponentModel.of("p", config);

        config.put("model", "changed");
        model.config().put("model", "changed too");

        assertThat(model.config().get("model").asText()).isEqualTo("gpt-4o");
    }

    @Test
    void boundAsAFieldByPlainJacksonItReportsMalformedComponents() {
        record Holder(ComponentModel client) {
        }
        assertThatThrownBy(() -> AutogenJson.mapper().readValue("{\"client\": {\"config\": {}}}", Holder.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseMessage("client.provider: missing required field");
    }

    @Test
    void aBlankProviderIsRejected() {
        assertThatThrownBy(() -> ComponentModel.of(" ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider must not be blank");
    }
}
