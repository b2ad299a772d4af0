package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.SelectorGroupChatTest.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorAndSwarmConfigTest {
    static JsonNode json(ComponentModel model) {
        return AutogenJson.mapper().valueToTree(model);
    }

    static ComponentModel model(JsonNode json) throws Exception {
        return AutogenJson.mapper().treeToValue(json, ComponentModel.class);
    }

    @Test
    void aSelectorGroupChatConfigHasPythonsFieldsAndLoadsBack() {
        var team = SelectorGroupChat.builder(List.of(agent("a"), agent("b")), ReplayChatCompletionClient.of("a"))
                .name("planners").description("Plans.").maxTurns(4).allowRepeatedSpeaker(true).maxSelectorAttempts(5)
                .modelClientStreaming(true).modelContext(new BufferedChatCompletionContext(5))
                .selectorFunc(thread -> "a").build();

        ComponentModel dumped = team.dumpComponent();
        JsonNode config = json(dumped).get("config");
        // Like Python's dump_component (exclude_none), absent values such as termination_condition are left out.

        assertThat(json(dumped).get("provider").asText()).isEqualTo("autogen_agentchat.teams.SelectorGroupChat");
        assertThat(json(dumped).get("component_type").asText()).isEqualTo("team");
        assertThat(RoundRobinGroupChatTest.fieldNames(config)).containsExactly("name", "description", "participants",
                "model_client", "max_turns", "selector_prompt", "allow_repeated_speaker",
                "max_selector_attempts", "emit_team_events", "model_client_streaming", "model_context");
        assertThat(config.get("selector_prompt").asText()).isEqualTo(SelectorGroupChat.DEFAULT_SELECTOR_PROMPT);

        SelectorGroupChat loaded = ComponentLoader.loadComponent(dumped, SelectorGroupChat.class);
        assertThat(loaded.name()).isEqualTo("planners");
        assertThat(loaded.maxSelectorAttempts()).isEqualTo(5);
        assertThat(loaded.modelContext()).isInstanceOf(BufferedChatCompletionContext.class);
        assertThat(loaded.selectorFunc()).isNull();
        assertThat(loaded.dumpComponent()).isEqualTo(dumped);
    }

    @Test
    void aSwarmConfigHasPythonsFieldsAndLoadsBack() {
        var team = Swarm.builder(List.of(SwarmTest.agent("a", List.of("b")), SwarmTest.agent("b", List.of())))
                .maxTurns(3).build();
        ComponentModel dumped = team.dumpComponent();
        assertThat(json(dumped).get("provider").asText()).isEqualTo("autogen_agentchat.teams.Swarm");
        assertThat(RoundRobinGroupChatTest.fieldNames(json(dumped).get("config"))).containsExactly("name",
                "description", "participants", "max_turns", "emit_team_events");
        Swarm loaded = ComponentLoader.loadComponent(dumped, Swarm.class);
        assertThat(loaded.dumpComponent()).isEqualTo(dumped);
        assertThat(loaded.name()).isEqualTo("Swarm");
    }

    @Test
    void aSwarmConfigWhoseFirstAgentCannotHandOffIsRefusedWithItsPath() throws Exception {
        ObjectNode config = (ObjectNode) json(Swarm.builder(List.of(SwarmTest.agent("a", List.of("b")),
                SwarmTest.agent("b", List.of()))).build().dumpComponent());
        ArrayNode participants = (ArrayNode) config.get("config").get("participants");
        participants.insert(0, participants.remove(1));
        assertThatThrownBy(() -> ComponentLoader.loadComponent(model(config), Swarm.class))
                .hasMessageContaining("participants")
                .hasMessageContaining("The first participant must be able to produce a handoff messages");
    }

    /**
     * The gallery's selector teams, their OpenAI clients swapped for replay clients, their Python
     * tools (Python source) dropped, and their termination conditions left out until the conditions exist here.
     */
    @Test
    void theGallerysSelectorTeamsLoad() throws Exception {
        JsonNode gallery = PythonFixtures.read("default_gallery.json");
        List<SelectorGroupChat> loaded = new ArrayList<>();
        for (JsonNode team : gallery.at("/components/teams")) {
            if (!team.get("provider").asText().equals(SelectorGroupChat.PROVIDER)) {
                continue;
            }
            ObjectNode copy = team.deepCopy();
            SelectorGroupChatConfig config = AutogenJson.mapper().treeToValue(copy.get("config"),
                    SelectorGroupChatConfig.class);
            assertThat(config.selectorPrompt()).contains("{roles}", "{participants}", "{history}");
            assertThat(config.maxSelectorAttempts()).isEqualTo(3);
            boolean agentsOnly = true;
            for (JsonNode participant : copy.at("/config/participants")) {
                agentsOnly &= participant.get("provider").asText().equals(AssistantAgent.PROVIDER);
            }
            if (!agentsOnly) {
                continue; // the web surfer and user proxy agents are not part of this module
            }
            replaceModelClients(copy);
            copy.findParents("tools").forEach(p -> ((ObjectNode) p).putArray("tools"));
            loaded.add(ComponentLoader.loadComponent(model(copy), SelectorGroupChat.class));
        }
        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0).participants()).hasSize(2);
        assertThat(loaded.get(1).allowRepeatedSpeaker()).isTrue();
        assertThat(loaded.get(1).modelClient()).isInstanceOf(ReplayChatCompletionClient.class);
        assertThat(loaded).allSatisfy(team -> assertThat(team.terminationCondition()).isNotNull());
    }

    private static void replaceModelClients(JsonNode node) throws Exception {
        JsonNode replay = json(ReplayChatCompletionClient.of("assistant_agent").dumpComponent());
        for (JsonNode parent : node.findParents("model_client")) {
            ((ObjectNode) parent).set("model_client", replay);
        }
    }
}
