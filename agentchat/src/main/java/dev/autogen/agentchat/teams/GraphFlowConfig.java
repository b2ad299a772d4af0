package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link GraphFlow}, as Python's {@code GraphFlowConfig}. */
@JsonPropertyOrder({"name", "description", "participants", "termination_condition", "max_turns", "graph"})
public record GraphFlowConfig(@Nullable String name, @Nullable String description, List<ComponentModel> participants,
        @Nullable ComponentModel terminationCondition, @Nullable Integer maxTurns, DiGraph graph) {
    public GraphFlowConfig {
        participants = participants == null ? List.of() : List.copyOf(participants);
        Objects.requireNonNull(graph, "GraphFlowConfig needs a 'graph'");
    }
}
