package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds a validated {@link DiGraph} for a {@link GraphFlow}, as Python's {@code DiGraphBuilder}: add the
 * agents as nodes, connect them with (optionally conditional) edges, then {@link #build()}.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent; AssistantAgent writer;
 *      AssistantAgent reviewer; AssistantAgent publisher; -->
 * <pre>{@code
 * var builder = new DiGraphBuilder()
 *         .addNode(writer).addNode(reviewer).addNode(publisher)
 *         .addEdge(writer, reviewer)
 *         .addEdge(reviewer, publisher, "APPROVE")
 *         .addEdge(reviewer, writer, m -> !m.toModelText().contains("APPROVE"))
 *         .setEntryPoint(writer);
 * var team = GraphFlow.builder(builder.participants(), builder.build()).maxTurns(10).build();
 * }</pre>
 *
 * <p>An edge added without an activation condition takes its target node's activation
 * ({@link #addNode(ChatAgent, DiGraphActivation)}), so {@code addNode(joiner, DiGraphActivation.ANY)} makes
 * the joiner run after its first parent.
 */
public final class DiGraphBuilder {
    private final Map<String, DiGraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, ChatAgent> agents = new LinkedHashMap<>();
    private @Nullable String defaultStartNode;

    /** Adds {@code agent} as a node with activation {@code "all"}; adding a name again does nothing. */
    public DiGraphBuilder addNode(ChatAgent agent) {
        return addNode(agent, DiGraphActivation.ALL);
    }

    /** Adds {@code agent} as a node; adding a name again does nothing (as in Python). */
    public DiGraphBuilder addNode(ChatAgent agent, DiGraphActivation activation) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(activation, "activation");
        if (!nodes.containsKey(agent.name())) {
            nodes.put(agent.name(), new DiGraphNode(agent.name(), List.of(), activation));
            agents.put(agent.name(), agent);
        }
        return this;
    }

    /** Adds an unconditional edge. */
    public DiGraphBuilder addEdge(ChatAgent source, ChatAgent target) {
        return addEdge(source.name(), target.name());
    }

    /** Adds an edge taken when the source's message text contains {@code condition}. */
    public DiGraphBuilder addEdge(ChatAgent source, ChatAgent target, String condition) {
        return addEdge(source.name(), target.name(), condition);
    }

    /** Adds an edge taken when {@code condition} accepts the source's message (not serializable). */
    public DiGraphBuilder addEdge(ChatAgent source, ChatAgent target, Predicate<BaseChatMessage> condition) {
        return addEdge(source.name(), target.name(), condition);
    }

    /** Adds an unconditional edge between nodes named {@code source} and {@code target}. */
    public DiGraphBuilder addEdge(String source, String target) {
        return addEdge(source, target, (String) null, null, null);
    }

    /** Adds an edge taken when the source's message text contains {@code condition}. */
    public DiGraphBuilder addEdge(String source, String target, String condition) {
        return addEdge(source, target, Objects.requireNonNull(condition, "condition"), null, null);
    }

    /** Adds an edge taken when {@code condition} accepts the source's message (not serializable). */
    public DiGraphBuilder addEdge(String source, String target, Predicate<BaseChatMessage> condition) {
        return addEdge(source, target, Objects.requireNonNull(condition, "condition"), null, null);
    }

    /**
     * Adds an edge with every option, as Python's {@code add_edge}.
     *
     * @param condition a string the source's message must contain, or null for an unconditional edge
     * @param activationGroup the group among the target's incoming edges; null means the target's name
     * @param activationCondition null means the target node's activation
     * @throws IllegalArgumentException if either node has not been added
     */
    public DiGraphBuilder addEdge(String source, String target, @Nullable String condition,
            @Nullable String activationGroup, @Nullable DiGraphActivation activationCondition) {
        return add(source, target, condition, null, activationGroup, activationCondition);
    }

    /** As {@link #addEdge(String, String, String, String, DiGraphActivation)} with a predicate condition. */
    public DiGraphBuilder addEdge(String source, String target, Predicate<BaseChatMessage> condition,
            @Nullable String activationGroup, @Nullable DiGraphActivation activationCondition) {
        return add(source, target, null, Objects.requireNonNull(condition, "condition"), activationGroup,
                activationCondition);
    }

    private DiGraphBuilder add(String source, String target, @Nullable String condition,
            @Nullable Predicate<BaseChatMessage> predicate, @Nullable String activationGroup,
            @Nullable DiGraphActivation activationCondition) {
        DiGraphNode sourceNode = nodes.get(source);
        if (sourceNode == null) {
            throw new IllegalArgumentException("Source node '" + source + "' must be added before adding an edge.");
        }
        DiGraphNode targetNode = nodes.get(target);
        if (targetNode == null) {
            throw new IllegalArgumentException("Target node '" + target + "' must be added before adding an edge.");
        }
        DiGraphActivation activation = activationCondition != null ? activationCondition : targetNode.activation();
        nodes.put(source, sourceNode.withEdge(new DiGraphEdge(target, condition, predicate, activationGroup, activation)));
        return this;
    }

    /**
     * Adds one edge per entry: to the target (a name or a {@link ChatAgent}) when the source's message text
     * contains the key.
     */
    public DiGraphBuilder addConditionalEdges(String source, Map<String, ?> conditionToTarget) {
        conditionToTarget.forEach((condition, target) -> addEdge(source, nameOf(target), condition));
        return this;
    }

    /** As {@link #addConditionalEdges(String, Map)} from {@code source}. */
    public DiGraphBuilder addConditionalEdges(ChatAgent source, Map<String, ?> conditionToTarget) {
        return addConditionalEdges(source.name(), conditionToTarget);
    }

    private static String nameOf(Object target) {
        return switch (target) {
            case String name -> name;
            case ChatAgent agent -> agent.name();
            default -> throw new IllegalArgumentException("edge target " + target
                    + " must be a node name or a ChatAgent");
        };
    }

    /** Makes {@code name} the only start node. */
    public DiGraphBuilder setEntryPoint(String name) {
        if (!nodes.containsKey(name)) {
            throw new IllegalArgumentException("Start node '" + name + "' must be added before setting as entry point.");
        }
        this.defaultStartNode = name;
        return this;
    }

    /** Makes {@code agent} the only start node. */
    public DiGraphBuilder setEntryPoint(ChatAgent agent) {
        return setEntryPoint(agent.name());
    }

    /**
     * The graph, validated.
     *
     * @throws IllegalArgumentException as {@link DiGraph#validate()}
     */
    public DiGraph build() {
        DiGraph graph = new DiGraph(nodes, defaultStartNode);
        graph.validate();
        return graph;
    }

    /** The agents added, in order: the participants of the {@link GraphFlow}. */
    public List<ChatAgent> participants() {
        return new ArrayList<>(agents.values());
    }
}
