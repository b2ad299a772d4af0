package dev.autogen.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.fakes.PythonLikeComponents.Agent;
import dev.autogen.core.component.fakes.PythonLikeComponents.Assistant;
import dev.autogen.core.component.fakes.PythonLikeComponents.MaxMessage;
import dev.autogen.core.component.fakes.PythonLikeComponents.ModelClient;
import dev.autogen.core.component.fakes.PythonLikeComponents.OpenAIClient;
import dev.autogen.core.component.fakes.PythonLikeComponents.Or;
import dev.autogen.core.component.fakes.PythonLikeComponents.RoundRobin;
import dev.autogen.core.component.fakes.PythonLikeComponents.Team;
import dev.autogen.core.component.fakes.PythonLikeComponents.Termination;
import dev.autogen.core.component.fakes.PythonLikeComponents.TextMention;
import dev.autogen.core.component.fakes.TrapFlag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentLoaderTest {

    @Test
    void loadsTheTeamPythonDumpedAndDumpsTheSameJson() {
        RoundRobin team = (RoundRobin) ComponentLoader.loadComponent(Fixtures.roundRobinTeamJson(), Team.class);

        assertThat(team.participants()).extracting(Agent::name).containsExactly("alice", "bob");
        Assistant alice = (Assistant) team.participants().getFirst();
        assertThat(((OpenAIClient) alice.modelClient()).config().model()).isEqualTo("gpt-4o");
        assertThat(team.termination()).isEqualTo(new Or(List.of(new TextMention("TERMINATE"), new MaxMessage(10, false))));

        assertThat(team.dumpComponent().toJson()).isEqualTo(Fixtures.roundRobinTeamJson());
    }

    @Test
    void loadsFromAModelAndFromATree() {
        ComponentModel model = ComponentModel.fromJsonNode(Fixtures.roundRobinTeam());
        assertThat(ComponentLoader.loadComponent(model, Team.class)).isInstanceOf(RoundRobin.class);
        assertThat(ComponentLoader.defaultLoader().load(Fixtures.roundRobinTeam(), Team.class)).isInstanceOf(RoundRobin.class);
    }

    @Test
    void nestedUnknownProviderIsReportedAtItsJsonPath() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/participants/1/config/model_client")).put("provider", "foo");

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(team, Team.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageStartingWith("team.config.participants[1].config.model_client: unknown provider 'foo'")
                .satisfies(e -> assertThat(((ComponentLoadException) e).path())
                        .isEqualTo("team.config.participants[1].config.model_client"));
    }

    @Test
    void unknownProviderSuggestsCloseNames() {
        String json = """
                {"provider": "RoundRobinGroupChatt", "config": {"participants": []}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Team.class))
                .hasMessage("component: unknown provider 'RoundRobinGroupChatt'; did you mean "
                        + "'autogen_agentchat.teams.RoundRobinGroupChat'?");
    }

    @Test
    void unknownProviderWithNothingCloseListsKnownProvidersOfTheType() {
        String json = """
                {"provider": "acme.Zebra", "component_type": "termination", "config": {}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Termination.class))
                .hasMessageContaining("termination: unknown provider 'acme.Zebra'; known termination providers: "
                        + "'autogen_agentchat.base.OrTerminationCondition', ");
    }

    @Test
    void classNamesInJsonAreNeverLoaded() {
        for (String provider : List.of("java.lang.Runtime", "dev.autogen.core.component.fakes.Trap",
                "java.lang.ProcessBuilder")) {
            var model = ComponentModel.of(provider, Map.of("command", List.of("touch", "/tmp/pwned")));
            assertThatThrownBy(() -> ComponentLoader.loadComponent(model, Object.class))
                    .isInstanceOf(ComponentLoadException.class)
                    .hasMessageContaining("unknown provider '" + provider + "'");
        }
        assertThat(TrapFlag.LOADED).isFalse();
    }

    @Test
    void aModelWhereATeamIsExpectedFailsBeforeAnythingIsBuilt() {
        String json = """
                {"provider": "OpenAIChatCompletionClient", "component_type": "model", "config": {"model": "gpt-4o"}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Team.class))
                .hasMessage("model: expected a Team but provider 'autogen_ext.models.openai.OpenAIChatCompletionClient'"
                        + " makes 'model' components (OpenAIClient)");
    }

    @Test
    void aComponentTypeThatContradictsTheProviderIsReported() {
        String json = """
                {"provider": "autogen_agentchat.conditions.MaxMessageTermination", "component_type": "agent",
                 "config": {"max_messages": 3}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Termination.class))
                .hasMessage("agent.component_type: 'agent' does not match provider "
                        + "'autogen_agentchat.conditions.MaxMessageTermination', which makes 'termination' components");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        String json = """
                {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent", "config": {}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Agent.class))
                .isInstanceOfSatisfying(ComponentLoadException.class, e -> assertThat(e.problems()).containsExactly(
                        new ComponentProblem("agent.config.name", "missing required field"),
                        new ComponentProblem("agent.config.model_client", "missing required field")));
    }

    @Test
    void wrongValueTypesAreReportedWithoutJacksonInternals() {
        String json = """
                {"provider": "MaxMessageTermination", "component_type": "termination",
                 "config": {"max_messages": "ten"}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Termination.class))
                .hasMessage("termination.config.max_messages: expected an integer but found string \"ten\"");
    }

    @Test
    void configRecordsThatRejectAValueAreLocated() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/termination_condition/config/conditions/0/config")).put("text", "");

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(team, Team.class))
                .hasMessage("team.config.termination_condition.config.conditions[0].config: invalid value: "
                        + "text must not be empty");
    }

    @Test
    void wrongTypesInsideListsAreLocated() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/termination_condition/config")).putArray("conditions").add(42);

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(team, Team.class))
                .hasMessageStartingWith("team.config.termination_condition.config.conditions[0]: expected a component");
    }

    @Test
    void malformedEnvelopeReportsEveryField() {
        String json = """
                {"component_type": 3, "version": "one", "config": []}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Object.class))
                .isInstanceOfSatisfying(ComponentLoadException.class, e -> assertThat(e.problems()).containsExactly(
                        new ComponentProblem("component.provider", "missing required field"),
                        new ComponentProblem("component.component_type", "expected a string but found number 3"),
                        new ComponentProblem("component.version", "expected an integer but found string \"one\""),
                        new ComponentProblem("component.config", "expected an object but found a list")));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertThatThrownBy(() -> ComponentLoader.loadComponent("{\"provider\": ", Object.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessageStartingWith("component: invalid JSON at line 1, column");
    }

    @Test
    void errorsFromAProviderAreLocatedAtTheComponent() {
        String json = """
                {"provider": "MaxMessageTermination", "config": {"max_messages": 0}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json, Termination.class))
                .hasMessage("component: cannot create 'autogen_agentchat.conditions.MaxMessageTermination': "
                        + "max_messages must be at least 1, got 0");
    }

    @Test
    void providersReportInvalidFieldsThroughTheContext() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/participants/1/config")).put("name", "alice");

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(team, Team.class))
                .hasMessage("team.config.participants: participant names must be unique: 'alice' appears twice");
    }

    @Test
    void everyFailingElementOfAListIsReported() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/participants/0")).put("provider", "nope.A");
        ((ObjectNode) team.at("/config/participants/1")).put("provider", "nope.B");

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().load(team, Team.class))
                .isInstanceOfSatisfying(ComponentLoadException.class, e -> assertThat(e.problems())
                        .extracting(ComponentProblem::path)
                        .containsExactly("team.config.participants[0]", "team.config.participants[1]"))
                .hasMessageStartingWith("2 problems in component config:\n  team.config.participants[0]: unknown provider 'nope.A'");
    }

    @Test
    void aliasesResolveToTheCanonicalProviderAndDumpWritesTheCanonicalOne() {
        for (String alias : List.of("openai_chat_completion_client", "OpenAIChatCompletionClient",
                "autogen_ext.models.openai.OpenAIChatCompletionClient")) {
            ModelClient client = ComponentLoader.loadComponent(
                    ComponentModel.of(alias, Map.of("model", "gpt-4o-mini")), ModelClient.class);
            assertThat(client.dumpComponent().provider()).isEqualTo("autogen_ext.models.openai.OpenAIChatCompletionClient");
        }
        ObjectNode team = Fixtures.roundRobinTeam();
        team.put("provider", "autogen_agentchat.teams._group_chat._round_robin_group_chat.RoundRobinGroupChat");
        assertThat(ComponentLoader.defaultLoader().load(team, Team.class)).isInstanceOf(RoundRobin.class);
        team.put("provider", "RoundRobinGroupChat");
        assertThat(ComponentLoader.defaultLoader().load(team, Team.class)).isInstanceOf(RoundRobin.class);
    }

    @Test
    void dumpWritesProviderTypeVersionsDescriptionAndLabel() {
        ComponentModel model = new MaxMessage(5, true).dumpComponent();

        assertThat(model.provider()).isEqualTo("autogen_agentchat.conditions.MaxMessageTermination");
        assertThat(model.componentType()).isEqualTo("termination");
        assertThat(model.version()).isEqualTo(1);
        assertThat(model.componentVersion()).isEqualTo(1);
        assertThat(model.description()).isEqualTo(
                "Terminate the conversation after a maximum number of messages have been exchanged.");
        assertThat(model.label()).isEqualTo("MaxMessageTermination");
        assertThat(model.toJson()).isEqualTo("{\"provider\":\"autogen_agentchat.conditions.MaxMessageTermination\","
                + "\"component_type\":\"termination\",\"version\":1,\"component_version\":1,\"description\":"
                + "\"Terminate the conversation after a maximum number of messages have been exchanged.\","
                + "\"label\":\"MaxMessageTermination\",\"config\":{\"max_messages\":5,\"include_agent_event\":true}}");
    }

    @Test
    void anOlderComponentVersionIsUpgradedByTheProvider() {
        String v1 = """
                {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent",
                 "version": 1, "component_version": 1,
                 "config": {"name": "helper", "tools": [],
                            "model_client": {"provider": "OpenAIChatCompletionClient", "config": {"model": "gpt-4o"}}}}""";

        Assistant agent = (Assistant) ComponentLoader.loadComponent(v1, Agent.class);

        assertThat(agent.workbench()).hasSize(1);
        ComponentModel dumped = agent.dumpComponent();
        assertThat(dumped.componentVersion()).isEqualTo(2);
        assertThat(dumped.config().has("tools")).isFalse();
        assertThat(dumped.config().at("/workbench/0/provider").asText()).isEqualTo("autogen_core.tools.StaticStreamWorkbench");
    }

    @Test
    void anOlderComponentVersionWithoutUpgradeFails() {
        String v0 = """
                {"provider": "autogen_agentchat.agents.AssistantAgent", "component_type": "agent",
                 "component_version": -1, "config": {}}""";

        assertThatThrownBy(() -> ComponentLoader.loadComponent(v0, Agent.class))
                .hasMessage("agent.component_version: component 'autogen_agentchat.agents.AssistantAgent' is at "
                        + "component_version 2 and cannot load configs written for component_version -1");
    }

    @Test
    void validateReportsEveryProblemWithItsPath() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/participants/0/config/model_client")).put("provider", "foo");
        ((ObjectNode) team.at("/config/participants/1/config/model_client/config")).remove("model");
        ((ObjectNode) team.at("/config/termination_condition/config/conditions/1/config")).put("max_messages", "x");
        ((ObjectNode) team.at("/config/termination_condition/config/conditions/0")).put("component_type", "agent");

        List<ComponentProblem> problems = ComponentLoader.defaultLoader().validate(team, Team.class);

        assertThat(problems).extracting(ComponentProblem::toString).containsExactly(
                "team.config.participants[0].config.model_client: " + problems.getFirst().message(),
                "team.config.participants[1].config.model_client.config.model: missing required field",
                "team.config.termination_condition.config.conditions[0].component_type: 'agent' does not match provider "
                        + "'autogen_agentchat.conditions.TextMentionTermination', which makes 'termination' components",
                "team.config.termination_condition.config.conditions[1].config.max_messages: expected an integer "
                        + "but found string \"x\"");
        assertThat(problems.getFirst().message()).startsWith("unknown provider 'foo'");
    }

    @Test
    void validateFindsComponentsInsideConfigsThatDoNotBind() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.get("config")).put("emit_team_events", "sometimes");
        ((ObjectNode) team.at("/config/participants/0")).put("provider", "nope.Agent");

        List<ComponentProblem> problems = ComponentLoader.defaultLoader().validate(team, Team.class);

        assertThat(problems).extracting(ComponentProblem::path).containsExactly(
                "team.config.emit_team_events", "team.config.participants[0]");
    }

    @Test
    void validateAlsoRunsTheProvidersChecks() {
        ObjectNode team = Fixtures.roundRobinTeam();
        ((ObjectNode) team.at("/config/participants/1/config")).put("name", "alice");

        assertThat(ComponentLoader.defaultLoader().validate(team, Team.class)).containsExactly(new ComponentProblem(
                "team.config.participants", "participant names must be unique: 'alice' appears twice"));
        assertThat(ComponentLoader.defaultLoader().validate(Fixtures.roundRobinTeam(), Team.class)).isEmpty();
    }

    @Test
    void validateReportsWhatTheGalleryNeedsThatIsNotInstalled() {
        var gallery = Fixtures.read("default_gallery.json");

        List<ComponentProblem> problems = ComponentLoader.defaultLoader()
                .withRootPath("gallery.components.teams[0]")
                .validate(gallery.at("/components/teams/0"), Team.class);

        assertThat(problems).extracting(ComponentProblem::path).containsExactly(
                "gallery.components.teams[0].config.participants[0].config.workbench[0].config.tools[0].config.source_code");
        assertThat(problems.getFirst().message()).isEqualTo("Python FunctionTool 'calculator' is Python source code, which"
                + " cannot run in Java; write it as a @ToolFunction method and add it with FunctionTool.fromMethods,"
                + " or add the module autogen-ext-python-tools to run it in a python3 process");
    }

    @Test
    void providersFromTheServiceLoaderAreInTheDefaultRegistry() {
        assertThat(ComponentRegistry.defaultRegistry().providerNames()).contains(
                "autogen_agentchat.teams.RoundRobinGroupChat",
                "autogen_ext.models.openai.OpenAIChatCompletionClient",
                "autogen_core.InMemoryStore");
    }
}
