package dev.autogen.agentchat.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.base.AndTerminationCondition;
import dev.autogen.agentchat.base.OrTerminationCondition;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProblem;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminationComponentTest {
    /** The gallery's hand-made OR condition: Python too dumps it with the class's own label and no description. */
    private static final String HAND_LABELLED = "default_gallery.json.components.terminations[2]";

    private static JsonNode json(String text) {
        try {
            return AutogenJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode roundTrip(JsonNode component) {
        TerminationCondition loaded = ComponentLoader.defaultLoader().load(component, TerminationCondition.class);
        return loaded.dumpComponent().toJsonNode();
    }

    private static void collectTerminations(JsonNode node, String path, Map<String, JsonNode> found) {
        if (node.isObject()) {
            if ("termination".equals(node.path("component_type").asText())) {
                found.put(path, node);
                return;
            }
            node.properties().forEach(e -> collectTerminations(e.getValue(), path + "." + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTerminations(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    @Test
    void everyTerminationInPythonsFixturesLoadsAndDumpsBackIdentically() {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        collectTerminations(PythonFixtures.read("default_gallery.json"), "default_gallery.json", found);
        collectTerminations(PythonFixtures.read("03_round_robin_dump_component.normalized.json"), "03", found);
        assertThat(found).hasSizeGreaterThanOrEqualTo(8).containsKey(HAND_LABELLED);

        for (Map.Entry<String, JsonNode> entry : found.entrySet()) {
            JsonNode original = entry.getValue();
            JsonNode dumped = roundTrip(original);
            if (entry.getKey().equals(HAND_LABELLED)) {
                ObjectNode expected = ((ObjectNode) original.deepCopy()).put("label", "OrTerminationCondition");
                expected.remove("description");
                assertThat(dumped).as(entry.getKey()).isEqualTo(expected);
            } else {
                assertThat(dumped).as(entry.getKey()).isEqualTo(original);
            }
        }
    }

    /** One config per serializable condition, each as Python's dump_component() writes it. */
    @ParameterizedTest
    @ValueSource(strings = {
        """
        {"provider": "autogen_agentchat.conditions.StopMessageTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a StopMessage is received.",
         "label": "StopMessageTermination", "config": {}}""",
        """
        {"provider": "autogen_agentchat.conditions.MaxMessageTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation after a maximum number of messages have been exchanged.",
         "label": "MaxMessageTermination", "config": {"max_messages": 7, "include_agent_event": true}}""",
        """
        {"provider": "autogen_agentchat.conditions.TextMentionTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a specific text is mentioned.",
         "label": "TextMentionTermination", "config": {"text": "APPROVE"}}""",
        """
        {"provider": "autogen_agentchat.conditions.TokenUsageTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a token usage limit is reached.",
         "label": "TokenUsageTermination", "config": {"max_total_token": 1000, "max_completion_token": 200}}""",
        """
        {"provider": "autogen_agentchat.conditions.HandoffTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a :class:`~autogen_agentchat.messages.HandoffMessage`\\n    with the given target is received.",
         "label": "HandoffTermination", "config": {"target": "user"}}""",
        """
        {"provider": "autogen_agentchat.conditions.TimeoutTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation after a specified duration has passed.",
         "label": "TimeoutTermination", "config": {"timeout_seconds": 30.0}}""",
        """
        {"provider": "autogen_agentchat.conditions.ExternalTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "A termination condition that is externally controlled\\n    by calling the :meth:`set` method.",
         "label": "ExternalTermination", "config": {}}""",
        """
        {"provider": "autogen_agentchat.conditions.SourceMatchTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation after a specific source responds.",
         "label": "SourceMatchTermination", "config": {"sources": ["summarizer", "editor"]}}""",
        """
        {"provider": "autogen_agentchat.conditions.TextMessageTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a :class:`~autogen_agentchat.messages.TextMessage` is received.",
         "label": "TextMessageTermination", "config": {"source": "assistant"}}""",
        """
        {"provider": "autogen_agentchat.conditions.FunctionCallTermination", "component_type": "termination",
         "version": 1, "component_version": 1,
         "description": "Terminate the conversation if a :class:`~autogen_core.models.FunctionExecutionResult`\\n    with a specific name was received.",
         "label": "FunctionCallTermination", "config": {"function_name": "approve"}}""",
        """
        {"provider": "autogen_agentchat.base.AndTerminationCondition", "component_type": "termination",
         "version": 1, "component_version": 1, "label": "AndTerminationCondition",
         "config": {"conditions": [
           {"provider": "autogen_agentchat.conditions.TextMessageTermination", "component_type": "termination",
            "version": 1, "component_version": 1,
            "description": "Terminate the conversation if a :class:`~autogen_agentchat.messages.TextMessage` is received.",
            "label": "TextMessageTermination", "config": {}},
           {"provider": "autogen_agentchat.conditions.MaxMessageTermination", "component_type": "termination",
            "version": 1, "component_version": 1,
            "description": "Terminate the conversation after a maximum number of messages have been exchanged.",
            "label": "MaxMessageTermination", "config": {"max_messages": 3, "include_agent_event": false}}]}}"""
    })
    void everyConditionDumpsBackThePythonConfigItWasLoadedFrom(String component) {
        JsonNode original = json(component);
        assertThat(roundTrip(original)).isEqualTo(original);
    }

    @Test
    void javaBuiltConditionsDumpAsPythonWritesThemAndLoadBack() {
        var made = new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(10));
        JsonNode python = PythonFixtures.read("03_round_robin_dump_component.normalized.json")
                .at("/component/config/termination_condition");
        assertThat(made.dumpComponent().toJsonNode()).isEqualTo(python);

        OrTerminationCondition loaded = ComponentLoader.loadComponent(made.dumpComponent().toJson(),
                OrTerminationCondition.class);
        assertThat(loaded.conditions()).hasSize(2);
        loaded.check(List.of(new TextMessage("task", "user")));
        assertThat(loaded.check(List.of(new TextMessage("TERMINATE", "a"))).content())
                .isEqualTo("Text 'TERMINATE' mentioned");
    }

    @Test
    void optionalFieldsAreLeftOutWhenUnsetAndKeptWhenSet() {
        assertThat(new TextMessageTermination().dumpComponent().config()).isEmpty();
        assertThat(TokenUsageTermination.builder().maxPromptToken(5).build().dumpComponent().config())
                .isEqualTo(json("{\"max_prompt_token\": 5}"));
        assertThat(new TextMentionTermination("OK").dumpComponent().config()).isEqualTo(json("{\"text\": \"OK\"}"));

        var withSources = new TextMentionTermination("OK", List.of("critic"));
        JsonNode config = withSources.dumpComponent().config();
        assertThat(config).isEqualTo(json("{\"text\": \"OK\", \"sources\": [\"critic\"]}"));
        var loaded = ComponentLoader.loadComponent(withSources.dumpComponent(), TextMentionTermination.class);
        assertThat(loaded.sources()).containsExactly("critic");
    }

    @Test
    void pythonConfigsMayLeaveOutDefaultsAndUseIntegersForFloats() {
        var max = ComponentLoader.loadComponent(ComponentModel.of("MaxMessageTermination", Map.of("max_messages", 4)),
                MaxMessageTermination.class);
        assertThat(max.includeAgentEvent()).isFalse();
        var timeout = ComponentLoader.loadComponent(
                ComponentModel.of("autogen_agentchat.conditions.TimeoutTermination", Map.of("timeout_seconds", 30)),
                TimeoutTermination.class);
        assertThat(timeout.timeoutSeconds()).isEqualTo(30.0);
        assertThat(timeout.dumpComponent().config()).isEqualTo(json("{\"timeout_seconds\": 30.0}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"autogen_agentchat.conditions.ExternalTermination",
        "autogen_agentchat.conditions._terminations.ExternalTermination", "ExternalTermination",
        "dev.autogen.agentchat.conditions.ExternalTermination"})
    void providersAnswerPythonsNamesAndTheJavaClassName(String provider) {
        var loaded = ComponentLoader.loadComponent(ComponentModel.of(provider, Map.of()), TerminationCondition.class);
        assertThat(loaded).isInstanceOf(ExternalTermination.class);
        assertThat(loaded.dumpComponent().provider()).isEqualTo("autogen_agentchat.conditions.ExternalTermination");
    }

    @Test
    void everyBuiltInProviderIsRegistered() {
        var registry = ComponentLoader.defaultLoader().registry();
        List<String> missing = new ArrayList<>();
        for (String name : List.of("StopMessageTermination", "MaxMessageTermination", "TextMentionTermination",
                "TokenUsageTermination", "HandoffTermination", "TimeoutTermination", "ExternalTermination",
                "SourceMatchTermination", "TextMessageTermination", "FunctionCallTermination")) {
            if (registry.find("autogen_agentchat.conditions." + name).isEmpty()) {
                missing.add(name);
            }
        }
        for (String name : Set.of("autogen_agentchat.base.OrTerminationCondition",
                "autogen_agentchat.base.AndTerminationCondition")) {
            if (registry.find(name).isEmpty()) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(registry.find("autogen_agentchat.base._termination.AndTerminationCondition"))
                .get().extracting(p -> p.componentClass()).isEqualTo(AndTerminationCondition.class);
    }

    @Test
    void badConfigsAreReportedWithTheirPath() {
        assertThatThrownBy(() -> ComponentLoader.loadComponent(
                "{\"provider\": \"autogen_agentchat.conditions.MaxMessageTermination\", \"config\": {}}",
                TerminationCondition.class))
                .isInstanceOf(ComponentLoadException.class)
                .satisfies(e -> assertThat(((ComponentLoadException) e).problems()).containsExactly(
                        new ComponentProblem("component.config.max_messages", "missing required field")));

        assertThatThrownBy(() -> ComponentLoader.loadComponent(
                ComponentModel.of("TokenUsageTermination", Map.of()), TerminationCondition.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageContaining("set at least one of max_total_token, max_prompt_token, max_completion_token");

        String badNested = """
                {"provider": "autogen_agentchat.base.OrTerminationCondition", "component_type": "termination",
                 "config": {"conditions": [
                   {"provider": "autogen_agentchat.conditions.MaxMessageTermination", "config": {"max_messages": 0}},
                   {"provider": "autogen_agentchat.conditions.NoSuchTermination", "config": {}}]}}""";
        List<ComponentProblem> problems = ComponentLoader.defaultLoader().validate(badNested, TerminationCondition.class);
        assertThat(problems).extracting(ComponentProblem::path)
                .contains("termination.config.conditions[1]");
        assertThatThrownBy(() -> ComponentLoader.loadComponent(badNested, TerminationCondition.class))
                .isInstanceOf(ComponentLoadException.class)
                .satisfies(e -> assertThat(((ComponentLoadException) e).problems()).extracting(ComponentProblem::path)
                        .contains("termination.config.conditions[0].config.max_messages",
                                "termination.config.conditions[1]"));
    }
}
