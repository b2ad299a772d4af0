package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team whose agents speak along a directed graph ({@link DiGraph}), as Python's (experimental)
 * {@code GraphFlow}: sequential chains, parallel fan-out, joins waiting for all or any parents,
 * conditional branches and loops with a conditional exit. Start nodes speak first; after a node speaks,
 * its edges whose condition holds activate their targets. The run ends with the stop reason
 * {@code "Digraph execution is complete"} when no node is left to run, or earlier on the termination
 * condition or {@code maxTurns}; a run stopped early continues where it stopped on the next run.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.base.TaskResult; AssistantAgent writer; AssistantAgent reviewer;
 *      AssistantAgent publisher; -->
 * <pre>{@code
 * var graph = new DiGraphBuilder()
 *         .addNode(writer).addNode(reviewer).addNode(publisher)
 *         .addEdge(writer, reviewer)
 *         .addEdge(reviewer, publisher, "APPROVE")
 *         .addEdge(reviewer, writer, m -> !m.toModelText().contains("APPROVE"))
 *         .setEntryPoint(writer)
 *         .build();
 * var team = GraphFlow.builder(List.of(writer, reviewer, publisher), graph).maxTurns(10).build();
 * TaskResult result = team.run("Write a haiku about autumn.");
 * }</pre>
 *
 * <p>Predicate edge conditions are not serializable: {@link #toConfig()} writes them as
 * {@code "condition": null}, as Python does (and logs a warning).
 */
public class GraphFlow extends BaseGroupChat implements Component<GraphFlowConfig> {
    /** The Python provider name. */
    public static final String PROVIDER = "autogen_agentchat.teams.GraphFlow";
    /** The manager's name, its key in the team state. */
    public static final String MANAGER_NAME = "GraphManager";
    /** The default team name. */
    public static final String DEFAULT_NAME = "GraphFlow";
    /** The default team description. */
    public static final String DEFAULT_DESCRIPTION = "A team of agents";
    private static final Logger LOG = LoggerFactory.getLogger(GraphFlow.class);

    private final DiGraph graph;

    /** A team running {@code graph} over {@code participants}, without a termination condition. */
    public GraphFlow(List<? extends ChatAgent> participants, DiGraph graph) {
        this(builder(participants, graph));
    }

    /**
     * @throws IllegalArgumentException if a participant is not a {@link ChatAgent}, names repeat, the graph is
     *         invalid, a graph node is not a participant, or the graph has a cycle and neither a termination
     *         condition nor {@code maxTurns} is set
     */
    protected GraphFlow(Builder b) {
        super(b.name, b.description, checked(b), MANAGER_NAME, b.terminationCondition, b.maxTurns, b.runtime,
                b.customMessageTypes, false, b.teamId);
        this.graph = b.graph;
    }

    /** Checks the graph against the participants before anything is built. */
    private static List<Participant> checked(Builder b) {
        b.graph.validate();
        List<String> names = b.participants.stream().map(Participant::name).toList();
        for (String node : b.graph.nodes().keySet()) {
            if (!names.contains(node)) {
                throw new IllegalArgumentException("GraphFlow '" + b.name + "': graph node '" + node
                        + "' is not a participant; participants are " + names);
            }
        }
        for (String name : names) {
            if (!b.graph.nodes().containsKey(name)) {
                throw new IllegalArgumentException("GraphFlow '" + b.name + "': participant '" + name + "' is not a node of"
                        + " the graph, so it would never speak; add a node for it or remove the participant");
            }
        }
        if (b.graph.hasCyclesWithExit() && b.terminationCondition == null && b.maxTurns == null) {
            throw new IllegalArgumentException(
                    "A termination condition is required for cyclic graphs without a maximum turn limit.");
        }
        return b.participants;
    }

    /** Starts building a team running {@code graph} over {@code participants}. */
    public static Builder builder(List<? extends ChatAgent> participants, DiGraph graph) {
        return new Builder(participants, graph);
    }

    /** The execution graph. */
    public DiGraph graph() {
        return graph;
    }

    @Override
    protected BaseGroupChatManager createManager(TeamWiring wiring) {
        return new GraphFlowManager(wiring, graph);
    }

    @Override
    public ComponentProvider<?, GraphFlowConfig> componentProvider() {
        return new GraphFlowProvider();
    }

    @Override
    public GraphFlowConfig toConfig() {
        for (DiGraphNode node : graph.nodes().values()) {
            for (DiGraphEdge edge : node.edges()) {
                if (edge.conditionFunction() != null) {
                    LOG.warn("GraphFlow '{}': the predicate condition of edge {} -> {} is not serializable; the config "
                            + "writes it as null, which loads as an unconditional edge", name(), node.name(), edge.target());
                }
            }
        }
        return new GraphFlowConfig(name(), description(), TeamComponents.dumpParticipants(this),
                terminationCondition() == null ? null : terminationCondition().dumpComponent(), maxTurns(), graph);
    }

    /** Builds a {@link GraphFlow}. */
    public static final class Builder extends BaseGroupChat.Builder<Builder> {
        private final DiGraph graph;

        Builder(List<? extends ChatAgent> participants, DiGraph graph) {
            super(participants, DEFAULT_NAME);
            this.graph = Objects.requireNonNull(graph, "graph");
            this.description = DEFAULT_DESCRIPTION;
        }

        /** Builds the team; see {@link GraphFlow#GraphFlow(Builder)} for what is checked. */
        public GraphFlow build() {
            return new GraphFlow(this);
        }
    }
}
