package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiGraphValidationTest {
    static DiGraphNode node(String name, DiGraphEdge... edges) {
        return new DiGraphNode(name, List.of(edges));
    }

    @Test
    void aCycleWithoutAConditionalEdgeIsRejectedNamingTheCycle() {
        DiGraph graph = DiGraph.of(List.of(node("S", new DiGraphEdge("A")), node("A", new DiGraphEdge("B")),
                node("B", new DiGraphEdge("A"), new DiGraphEdge("C")), node("C")));
        assertThatThrownBy(graph::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cycle detected without exit condition: A -> B -> A");
    }

    @Test
    void aCycleWithAConditionalExitIsAccepted() {
        DiGraph graph = new DiGraph(DiGraph.of(List.of(node("A", new DiGraphEdge("B")),
                node("B", new DiGraphEdge("A", "again"), new DiGraphEdge("C", "done")), node("C"))).nodes(), "A");
        graph.validate();
        assertThat(graph.hasCyclesWithExit()).isTrue();
        assertThat(graph.startNodes()).containsExactly("A");
        assertThat(graph.leafNodes()).containsExactly("C");
        assertThat(graph.parents()).containsEntry("B", List.of("A")).containsEntry("A", List.of("B"));
        assertThat(graph.remainingMap()).isEqualTo(Map.of("A", Map.of("A", 1), "B", Map.of("B", 1), "C", Map.of("C", 1)));
    }

    @Test
    void structuralProblemsGivePythonsMessages() {
        assertThatThrownBy(() -> DiGraph.of(List.of()).validate()).hasMessage("Graph has no nodes.");
        assertThatThrownBy(() -> DiGraph.of(List.of(node("A", new DiGraphEdge("B")), node("B", new DiGraphEdge("A"))))
                .validate()).hasMessage("Graph must have at least one start node");
        assertThatThrownBy(() -> DiGraph.of(List.of(node("A", new DiGraphEdge("B")), node("B", new DiGraphEdge("C")),
                node("C", new DiGraphEdge("B")))).validate()).hasMessage("Graph must have at least one leaf node");
        assertThatThrownBy(() -> DiGraph.of(List.of(node("A", new DiGraphEdge("B", "cond"), new DiGraphEdge("C")),
                node("B"), node("C"))).validate())
                .hasMessage("Node 'A' has a mix of conditional and unconditional edges.");
    }

    @Test
    void edgesIntoOneGroupMustAgreeOnTheActivationCondition() {
        DiGraph graph = DiGraph.of(List.of(node("A", new DiGraphEdge("B"), new DiGraphEdge("C")),
                node("B", new DiGraphEdge("D", null, null, null, DiGraphActivation.ALL)),
                node("C", new DiGraphEdge("D", null, null, null, DiGraphActivation.ANY)), node("D")));
        assertThatThrownBy(graph::validate).hasMessage("Conflicting activation conditions for target 'D' group 'D': "
                + "'all' (from node 'B') and 'any' (from node 'C')");
    }

    @Test
    void edgesToUnknownNodesAndBadStartNodesAreNamed() {
        assertThatThrownBy(() -> DiGraph.of(List.of(node("A", new DiGraphEdge("X")))).validate())
                .hasMessageContaining("Node 'A' has an edge to 'X'");
        assertThatThrownBy(() -> new DiGraph(Map.of("A", node("A")), "Z").validate())
                .hasMessageContaining("default_start_node 'Z'");
    }

    @Test
    void builderRejectsEdgesAndEntryPointsForMissingNodes() {
        var builder = new DiGraphBuilder().addNode(agent("A"));
        assertThatThrownBy(() -> builder.addEdge("A", "X"))
                .hasMessage("Target node 'X' must be added before adding an edge.");
        assertThatThrownBy(() -> builder.addEdge("X", "A"))
                .hasMessage("Source node 'X' must be added before adding an edge.");
        assertThatThrownBy(() -> builder.setEntryPoint("X"))
                .hasMessage("Start node 'X' must be added before setting as entry point.");
        assertThat(builder.participants()).extracting(a -> a.name()).containsExactly("A");
    }

    @Test
    void graphFlowChecksItsGraphAgainstItsParticipants() {
        var a = agent("A");
        var b = agent("B");
        var c = agent("C");
        DiGraph cyclic = new DiGraphBuilder().addNode(a).addNode(b).addNode(c).addEdge(a, b).addEdge(b, a, "again")
                .addEdge(b, c, "done").setEntryPoint(a).build();
        assertThatThrownBy(() -> new GraphFlow(List.of(a, b, c), cyclic))
                .hasMessage("A termination condition is required for cyclic graphs without a maximum turn limit.");
        assertThat(GraphFlow.builder(List.of(a, b, c), cyclic).maxTurns(4).build().graph()).isEqualTo(cyclic);

        DiGraph withC = DiGraph.of(List.of(node("A", new DiGraphEdge("C")), node("C")));
        assertThatThrownBy(() -> new GraphFlow(List.of(a, b), withC))
                .hasMessageContaining("graph node 'C' is not a participant");
        assertThatThrownBy(() -> new DiGraphEdge("B", "text", m -> true, null, null))
                .hasMessageContaining("both a string condition and a predicate");
    }
}
