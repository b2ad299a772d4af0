package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.agent;
import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphFlowTest {
    static final String COMPLETE = "Digraph execution is complete";

    static List<String> sources(TaskResult result) {
        return result.messages().stream().map(m -> m.source()).toList();
    }

    static List<String> seenByModel(AssistantAgent agent) {
        List<String> seen = new ArrayList<>();
        for (LLMMessage message : agent.modelContext().getMessages()) {
            if (message instanceof UserMessage user) {
                seen.add(user.content().toText());
            }
        }
        return seen;
    }

    @Test
    void sequentialChainRunsEachNodeOnceThenCompletes() {
        var a = agent("A", "a1");
        var b = agent("B", "b1");
        var c = agent("C", "c1");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addEdge(a, b).addEdge(b, c).build();
        var team = new GraphFlow(List.of(a, b, c), graph);

        TaskResult result = team.run("go");

        assertThat(texts(result)).containsExactly("user: go", "A: a1", "B: b1", "C: c1");
        assertThat(result.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void aNewRunStartsAgainAtTheEntryNodes() {
        var a = agent("A", "a1", "a2");
        var b = agent("B", "b1", "b2");
        var team = new GraphFlow(List.of(a, b), new DiGraphBuilder().addNode(a).addNode(b).addEdge(a, b).build());
        team.run("first");
        TaskResult second = team.run("second");
        assertThat(texts(second)).containsExactly("user: second", "A: a2", "B: b2");
        assertThat(second.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void stringConditionPicksTheBranchWhoseTextTheMessageContains() {
        var a = agent("A", "I say yes.");
        var b = agent("B", "b1");
        var c = agent("C", "c1");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c)
                .addConditionalEdges(a, Map.of("yes", b, "no", "C")).build();

        TaskResult result = new GraphFlow(List.of(a, b, c), graph).run("decide");

        assertThat(sources(result)).containsExactly("user", "A", "B");
        assertThat(result.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void predicateConditionPicksTheBranchItAccepts() {
        var a = agent("A", "short");
        var b = agent("B", "b1");
        var c = agent("C", "c1");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c)
                .addEdge(a, b, m -> m.toModelText().length() > 10)
                .addEdge(a, c, m -> m.toModelText().length() <= 10).build();

        TaskResult result = new GraphFlow(List.of(a, b, c), graph).run("measure");

        assertThat(sources(result)).containsExactly("user", "A", "C");
    }

    @Test
    void fanOutRunsBothChildrenAndFanInWaitsForAllParents() {
        var a = agent("A", "a1");
        var b = agent("B", "b1");
        var c = agent("C", "c1");
        var d = agent("D", "d1", "d2");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addNode(d)
                .addEdge(a, b).addEdge(a, c).addEdge(b, d).addEdge(c, d).build();

        TaskResult result = new GraphFlow(List.of(a, b, c, d), graph).run("split");

        List<String> sources = sources(result);
        assertThat(sources).hasSize(5);
        assertThat(sources.subList(0, 2)).containsExactly("user", "A");
        assertThat(sources.subList(2, 4)).containsExactlyInAnyOrder("B", "C");
        assertThat(sources.get(4)).isEqualTo("D");
        assertThat(seenByModel(d)).containsExactlyInAnyOrder("split", "a1", "b1", "c1");
        assertThat(result.stopReason()).isEqualTo(COMPLETE);
    }

    static DiGraph branchThenJoin(List<ChatAgent> agents, DiGraphActivation joinActivation) {
        ChatAgent a = agents.get(0);
        ChatAgent b = agents.get(1);
        ChatAgent c = agents.get(2);
        ChatAgent d = agents.get(3);
        return new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addNode(d, joinActivation)
                .addEdge(a, b, "left").addEdge(a, c, "right").addEdge(b, d).addEdge(c, d).build();
    }

    @Test
    void anyActivationRunsTheJoinAfterItsFirstParent() {
        List<ChatAgent> agents = List.of(agent("A", "go left"), agent("B", "b1"), agent("C", "c1"), agent("D", "d1"));
        TaskResult result = new GraphFlow(agents, branchThenJoin(agents, DiGraphActivation.ANY)).run("route");
        assertThat(sources(result)).containsExactly("user", "A", "B", "D");
    }

    @Test
    void allActivationNeverRunsAJoinWhoseOtherParentWasSkipped() {
        List<ChatAgent> agents = List.of(agent("A", "go left"), agent("B", "b1"), agent("C", "c1"), agent("D", "d1"));
        TaskResult result = new GraphFlow(agents, branchThenJoin(agents, DiGraphActivation.ALL)).run("route");
        assertThat(sources(result)).containsExactly("user", "A", "B");
        assertThat(result.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void cycleLoopsUntilTheExitConditionHolds() {
        var writer = agent("writer", "draft 1", "draft 2", "draft 3");
        var reviewer = agent("reviewer", "Too long.", "Still vague.", "APPROVE");
        var publisher = agent("publisher", "published");
        DiGraph graph = new DiGraphBuilder().addNode(writer).addNode(reviewer).addNode(publisher)
                .addEdge(writer, reviewer)
                .addEdge(reviewer, publisher, "APPROVE")
                .addEdge(reviewer, writer, m -> !m.toModelText().contains("APPROVE"))
                .setEntryPoint(writer).build();
        var team = GraphFlow.builder(List.of(writer, reviewer, publisher), graph).maxTurns(20).build();

        TaskResult result = team.run("Write a slogan.");

        assertThat(sources(result)).containsExactly("user", "writer", "reviewer", "writer", "reviewer", "writer",
                "reviewer", "publisher");
        assertThat(result.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void selfLoopWithItsOwnActivationGroupRepeatsTheNode() {
        var a = agent("A", "a1");
        var b = agent("B", "loop", "loop", "exit");
        var c = agent("C", "c1");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c)
                .addEdge("A", "B")
                .addEdge("B", "C", "exit")
                .addEdge("B", "B", "loop", "B_loop", null)
                .setEntryPoint("A").build();
        var team = GraphFlow.builder(List.of(a, b, c), graph).maxTurns(20).build();

        assertThat(sources(team.run("start"))).containsExactly("user", "A", "B", "B", "B", "C");
    }

    @Test
    void terminationConditionStopsEarlyAndTheNextRunContinuesTheGraph() {
        var team = GraphFlow.builder(List.of(agent("A", "a1"), agent("B", "b1"), agent("C", "c1")),
                new DiGraphBuilder().addNode(agent("A")).addNode(agent("B")).addNode(agent("C"))
                        .addEdge("A", "B").addEdge("B", "C").build())
                .terminationCondition(new CountingTermination(2)).build();

        TaskResult first = team.run("go");
        TaskResult second = team.run();

        assertThat(texts(first)).containsExactly("user: go", "A: a1");
        assertThat(first.stopReason()).startsWith("Maximum number of messages 2 reached");
        assertThat(texts(second)).containsExactly("B: b1", "C: c1");
        assertThat(second.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void saveRebuildLoadContinuesWhereTheRunStopped() {
        DiGraph graph = new DiGraphBuilder().addNode(agent("A")).addNode(agent("B")).addNode(agent("C"))
                .addEdge("A", "B").addEdge("B", "C").build();
        var first = GraphFlow.builder(List.of(agent("A", "a1"), agent("B", "b1"), agent("C", "c1")), graph)
                .maxTurns(1).build();
        assertThat(texts(first.run("go"))).containsExactly("user: go", "A: a1");

        Map<String, Object> saved = first.saveState();
        JsonNode manager = AutogenJson.mapper().valueToTree(saved).at("/agent_states/GraphManager");
        assertThat(RoundRobinGroupChatTest.fieldNames(manager))
                .containsExactly("message_thread", "current_turn", "remaining", "enqueued_any", "ready");
        assertThat(manager.get("ready").toString()).isEqualTo("[\"B\"]");
        assertThat(manager.get("remaining").toString()).isEqualTo("{\"B\":{\"B\":0},\"C\":{\"C\":1}}");
        assertThat(manager.get("enqueued_any").toString()).isEqualTo("{\"B\":{\"B\":false},\"C\":{\"C\":false}}");
        assertThat(manager.get("message_thread")).hasSize(2);

        var rebuilt = GraphFlow.builder(List.of(agent("A", "unused"), agent("B", "b1"), agent("C", "c1")), graph)
                .maxTurns(5).build();
        rebuilt.loadState(AutogenJson.mapper().convertValue(AutogenJson.mapper().valueToTree(saved), Map.class));
        TaskResult resumed = rebuilt.run();

        assertThat(texts(resumed)).containsExactly("B: b1", "C: c1");
        assertThat(resumed.stopReason()).isEqualTo(COMPLETE);
    }

    @Test
    void resetStartsTheGraphAfresh() {
        DiGraph graph = new DiGraphBuilder().addNode(agent("A")).addNode(agent("B")).addEdge("A", "B").build();
        var team = GraphFlow.builder(List.of(agent("A", "a1", "a2"), agent("B", "b1")), graph).maxTurns(1).build();
        team.run("go");
        team.reset();
        assertThat(texts(team.run("again"))).containsExactly("user: again", "A: a2");
    }

    @Test
    void graphJsonIsPythonsAndPredicatesAreWrittenAsNull() throws Exception {
        DiGraph graph = new DiGraphBuilder().addNode(agent("A")).addNode(agent("B")).addNode(agent("C"))
                .addEdge("A", "B", "go").addEdge("A", "C", m -> true).build();

        String json = AutogenJson.mapper().writeValueAsString(graph);

        assertThat(json).isEqualTo("{\"nodes\":{"
                + "\"A\":{\"name\":\"A\",\"edges\":["
                + "{\"target\":\"B\",\"condition\":\"go\",\"activation_group\":\"B\",\"activation_condition\":\"all\"},"
                + "{\"target\":\"C\",\"condition\":null,\"activation_group\":\"C\",\"activation_condition\":\"all\"}],"
                + "\"activation\":\"all\"},"
                + "\"B\":{\"name\":\"B\",\"edges\":[],\"activation\":\"all\"},"
                + "\"C\":{\"name\":\"C\",\"edges\":[],\"activation\":\"all\"}},"
                + "\"default_start_node\":null}");
        String python = "{\"nodes\": {\"A\": {\"name\": \"A\", \"edges\": [{\"target\": \"B\", \"condition\": \"x\","
                + " \"activation_group\": \"\", \"activation_condition\": \"any\"}]}, \"B\": {\"name\": \"B\"}},"
                + " \"default_start_node\": \"A\"}";
        DiGraph read = AutogenJson.mapper().readValue(python, DiGraph.class);
        assertThat(read.nodes().get("A").edges().get(0)).satisfies(e -> {
            assertThat(e.condition()).isEqualTo("x");
            assertThat(e.activationGroup()).isEqualTo("B");
            assertThat(e.activationCondition()).isEqualTo(DiGraphActivation.ANY);
        });
        assertThat(read.nodes().get("B").edges()).isEmpty();
        assertThat(read.startNodes()).containsExactly("A");
    }

    @Test
    void configRoundTripGivesATeamThatRunsTheSameGraph() {
        var a = agent("A", "yes");
        var b = agent("B", "b1");
        var c = agent("C", "c1");
        DiGraph graph = new DiGraphBuilder().addNode(a).addNode(b).addNode(c)
                .addEdge(a, b, "yes").addEdge(a, c, "no").build();
        var team = GraphFlow.builder(List.of(a, b, c), graph).name("router").maxTurns(7).build();

        ComponentModel model = team.dumpComponent();
        JsonNode json = AutogenJson.mapper().valueToTree(model);
        assertThat(json.get("provider").asText()).isEqualTo("autogen_agentchat.teams.GraphFlow");
        assertThat(json.get("component_type").asText()).isEqualTo("team");
        assertThat(RoundRobinGroupChatTest.fieldNames(json.get("config"))).containsExactly("name", "description",
                "participants", "max_turns", "graph"); // nulls are left out, as Python's exclude_none
        assertThat(json.at("/config/graph/nodes/A/edges/0/condition").asText()).isEqualTo("yes");
        assertThat(json.at("/config/description").asText()).isEqualTo("A team of agents");

        GraphFlow loaded = ComponentLoader.loadComponent(model, GraphFlow.class);

        assertThat(loaded.name()).isEqualTo("router");
        assertThat(loaded.maxTurns()).isEqualTo(7);
        assertThat(loaded.graph()).isEqualTo(graph);
        assertThat(sources(loaded.run("route"))).containsExactly("user", "A", "B");
    }

    @Test
    void aConfigWithAnInvalidGraphIsRejectedNamingTheGraph() throws Exception {
        var a = agent("A", "a1");
        var b = agent("B", "b1");
        ComponentModel model = GraphFlow.builder(List.of(a, b),
                new DiGraphBuilder().addNode(a).addNode(b).addEdge(a, b).build()).build().dumpComponent();
        JsonNode json = AutogenJson.mapper().valueToTree(model);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/config/graph/nodes/B"))
                .set("edges", AutogenJson.mapper().readTree("[{\"target\": \"A\"}]"));

        assertThatThrownBy(() -> ComponentLoader.loadComponent(json.toString(), GraphFlow.class))
                .hasMessageContaining("graph")
                .hasMessageContaining("Graph must have at least one start node");
    }
}
