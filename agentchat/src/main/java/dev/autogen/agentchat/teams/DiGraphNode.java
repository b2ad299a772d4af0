package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node of a {@link DiGraph}, as Python's {@code DiGraphNode}: an agent's name, its outgoing edges and
 * its activation ({@code "all"} by default). {@link DiGraphBuilder} uses the activation as the default
 * activation condition of the edges it adds towards this node.
 */
@JsonPropertyOrder({"name", "edges", "activation"})
public record DiGraphNode(String name, List<DiGraphEdge> edges, DiGraphActivation activation) {
    @JsonCreator
    public DiGraphNode(@JsonProperty("name") String name, @JsonProperty("edges") @Nullable List<DiGraphEdge> edges,
            @JsonProperty("activation") @Nullable DiGraphActivation activation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("graph node needs a non-blank 'name' (the agent's name)");
        }
        this.name = name;
        this.edges = edges == null ? List.of() : List.copyOf(edges);
        this.activation = activation == null ? DiGraphActivation.ALL : activation;
    }

    /** A node with activation {@code "all"}. */
    public DiGraphNode(String name, List<DiGraphEdge> edges) {
        this(name, edges, null);
    }

    /** A leaf node (no outgoing edges). */
    public DiGraphNode(String name) {
        this(name, List.of(), null);
    }

    /** This node with one more outgoing edge. */
    public DiGraphNode withEdge(DiGraphEdge edge) {
        Objects.requireNonNull(edge, "edge");
        var more = new java.util.ArrayList<>(edges);
        more.add(edge);
        return new DiGraphNode(name, more, activation);
    }
}
