package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The execution graph of a {@link GraphFlow}, as Python's {@code DiGraph}: nodes by name (each an agent
 * with its outgoing edges) and an optional default start node. Build one with {@link DiGraphBuilder};
 * its JSON form is Python's ({@code {"nodes": {...}, "default_start_node": null}}).
 *
 * <p>Constructing a graph does not validate it (as in Python); {@link #validate()} does, and
 * {@link DiGraphBuilder#build()} and {@link GraphFlow} call it.
 */
@JsonPropertyOrder({"nodes", "default_start_node"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DiGraph(Map<String, DiGraphNode> nodes, @Nullable String defaultStartNode) {
    @JsonCreator
    public DiGraph(@JsonProperty("nodes") @Nullable Map<String, DiGraphNode> nodes,
            @JsonProperty("default_start_node") @Nullable String defaultStartNode) {
        this.nodes = nodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.defaultStartNode = defaultStartNode == null || defaultStartNode.isEmpty() ? null : defaultStartNode;
    }

    /** A graph of {@code nodes}, in order, without a default start node. */
    public static DiGraph of(List<DiGraphNode> nodes) {
        Map<String, DiGraphNode> byName = new LinkedHashMap<>();
        for (DiGraphNode node : nodes) {
            if (byName.put(node.name(), node) != null) {
                throw new IllegalArgumentException("node '" + node.name() + "' appears twice in the graph");
            }
        }
        return new DiGraph(byName, null);
    }

    /** Each node's parents (sources of edges pointing to it), in node order. */
    @JsonIgnore
    public Map<String, List<String>> parents() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        nodes.keySet().forEach(name -> parents.put(name, new ArrayList<>()));
        for (DiGraphNode node : nodes.values()) {
            for (DiGraphEdge edge : node.edges()) {
                parents.computeIfAbsent(edge.target(), t -> new ArrayList<>()).add(node.name());
            }
        }
        return parents;
    }

    /** The nodes that run first: the default start node if set, else every node without incoming edges. */
    @JsonIgnore
    public Set<String> startNodes() {
        if (defaultStartNode != null) {
            return Set.of(defaultStartNode);
        }
        Set<String> start = new LinkedHashSet<>();
        parents().forEach((name, parentList) -> {
            if (parentList.isEmpty() && nodes.containsKey(name)) {
                start.add(name);
            }
        });
        return start;
    }

    /** The nodes without outgoing edges. */
    @JsonIgnore
    public Set<String> leafNodes() {
        Set<String> leaves = new LinkedHashSet<>();
        nodes.forEach((name, node) -> {
            if (node.edges().isEmpty()) {
                leaves.add(name);
            }
        });
        return leaves;
    }

    /**
     * Whether the graph has a cycle; every cycle must have at least one conditional edge to leave it.
     *
     * @throws IllegalArgumentException {@code Cycle detected without exit condition: A -> B -> A}
     */
    public boolean hasCyclesWithExit() {
        Set<String> visited = new HashSet<>();
        boolean hasCycle = false;
        for (String name : nodes.keySet()) {
            if (!visited.contains(name) && findCycle(name, visited, new HashSet<>(), new ArrayList<>())) {
                hasCycle = true;
            }
        }
        return hasCycle;
    }

    private boolean findCycle(String name, Set<String> visited, Set<String> onPath, List<String> path) {
        visited.add(name);
        onPath.add(name);
        path.add(name);
        DiGraphNode node = nodes.get(name);
        for (DiGraphEdge edge : node == null ? List.<DiGraphEdge>of() : node.edges()) {
            String target = edge.target();
            if (!visited.contains(target)) {
                if (findCycle(target, visited, onPath, path)) {
                    return true;
                }
            } else if (onPath.contains(target)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                boolean hasExit = cycle.stream().flatMap(n -> nodes.get(n).edges().stream())
                        .anyMatch(DiGraphEdge::isConditional);
                if (!hasExit) {
                    cycle.add(cycle.get(0));
                    throw new IllegalArgumentException("Cycle detected without exit condition: "
                            + String.join(" -> ", cycle));
                }
                return true;
            }
        }
        onPath.remove(name);
        path.remove(path.size() - 1);
        return false;
    }

    /**
     * Checks the graph as Python's {@code graph_validate}: it has nodes, a start node and a leaf node; a node's
     * edges are all conditional or all unconditional; edges into a target agree on the activation condition
     * of their group; every cycle has a conditional exit. Also checks what Python leaves to a later crash:
     * node keys match node names, and edges and the default start node name existing nodes.
     *
     * @throws IllegalArgumentException with Python's message for the first problem found
     */
    public void validate() {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("Graph has no nodes.");
        }
        nodes.forEach((key, node) -> {
            if (!key.equals(node.name())) {
                throw new IllegalArgumentException("graph node under key '" + key + "' is named '" + node.name()
                        + "'; the key must be the node's name");
            }
            for (DiGraphEdge edge : node.edges()) {
                if (!nodes.containsKey(edge.target())) {
                    throw new IllegalArgumentException("Node '" + key + "' has an edge to '" + edge.target()
                            + "', which is not a node of the graph; add that node or fix the edge");
                }
            }
        });
        if (defaultStartNode != null && !nodes.containsKey(defaultStartNode)) {
            throw new IllegalArgumentException("default_start_node '" + defaultStartNode
                    + "' is not a node of the graph; nodes are " + nodes.keySet());
        }
        if (startNodes().isEmpty()) {
            throw new IllegalArgumentException("Graph must have at least one start node");
        }
        if (leafNodes().isEmpty()) {
            throw new IllegalArgumentException("Graph must have at least one leaf node");
        }
        for (DiGraphNode node : nodes.values()) {
            boolean conditional = node.edges().stream().anyMatch(DiGraphEdge::isConditional);
            boolean unconditional = node.edges().stream().anyMatch(e -> !e.isConditional());
            if (conditional && unconditional) {
                throw new IllegalArgumentException("Node '" + node.name()
                        + "' has a mix of conditional and unconditional edges.");
            }
        }
        validateActivationConditions();
        hasCyclesWithExit();
    }

    private void validateActivationConditions() {
        Map<String, Map<String, DiGraphActivation>> seen = new LinkedHashMap<>();
        Map<String, String> firstSource = new LinkedHashMap<>();
        for (DiGraphNode node : nodes.values()) {
            for (DiGraphEdge edge : node.edges()) {
                Map<String, DiGraphActivation> groups = seen.computeIfAbsent(edge.target(), t -> new LinkedHashMap<>());
                DiGraphActivation previous = groups.putIfAbsent(edge.activationGroup(), edge.activationCondition());
                String key = edge.target() + "\u0000" + edge.activationGroup();
                firstSource.putIfAbsent(key, node.name());
                if (previous != null && previous != edge.activationCondition()) {
                    throw new IllegalArgumentException("Conflicting activation conditions for target '"
                            + edge.target() + "' group '" + edge.activationGroup() + "': '" + previous.value()
                            + "' (from node '" + firstSource.get(key) + "') and '" + edge.activationCondition().value()
                            + "' (from node '" + node.name() + "')");
                }
            }
        }
    }

    /** For each target node, how many edges of each activation group point to it (Python's {@code get_remaining_map}). */
    @JsonIgnore
    public Map<String, Map<String, Integer>> remainingMap() {
        Map<String, Map<String, Integer>> remaining = new LinkedHashMap<>();
        for (DiGraphNode node : nodes.values()) {
            for (DiGraphEdge edge : node.edges()) {
                remaining.computeIfAbsent(edge.target(), t -> new LinkedHashMap<>())
                        .merge(edge.activationGroup(), 1, Integer::sum);
            }
        }
        return remaining;
    }
}
