package dev.autogen.ext.models.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.OrTerminationCondition;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A team config written by Python's dump_component loads here, and dumps back as Python wrote it. */
class PythonTeamConfigTest {
    private static final Path FIXTURE = Path.of(
            "../../core/src/test/resources/fixtures/autogen-python/03_round_robin_dump_component.normalized.json");

    @Test
    void pythonsRoundRobinTeamConfigLoadsAndDumpsBack() throws Exception {
        JsonNode component = AutogenJson.mapper().readTree(Files.readString(FIXTURE)).get("component");
        ComponentModel model = AutogenJson.mapper().treeToValue(component, ComponentModel.class);

        RoundRobinGroupChat team = ComponentLoader.loadComponent(model, RoundRobinGroupChat.class);

        assertThat(team.participants()).hasSize(2).allMatch(p -> p instanceof AssistantAgent);
        assertThat(((AssistantAgent) team.participants().get(0)).modelClient())
                .isInstanceOf(OpenAIChatCompletionClient.class);
        assertThat(team.terminationCondition()).isInstanceOf(OrTerminationCondition.class);
        JsonNode dumped = AutogenJson.mapper().valueToTree(team.dumpComponent());
        // Two known differences: the agent's component-level description is our provider's text, not
        // Python's class docstring; and a masked key ("**********") loads as "use OPENAI_API_KEY", so it
        // is not written back. Everything else is Python's config, field for field.
        JsonNode expected = component.get("config").deepCopy();
        for (JsonNode participant : expected.get("participants")) {
            ((ObjectNode) participant).remove("description");
            ((ObjectNode) participant.at("/config/model_client/config")).remove("api_key");
        }
        JsonNode actual = dumped.get("config").deepCopy();
        actual.get("participants").forEach(p -> ((ObjectNode) p).remove("description"));
        assertThat(actual).isEqualTo(expected);
    }
}
