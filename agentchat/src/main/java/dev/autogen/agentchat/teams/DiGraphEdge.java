package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A directed edge of a {@link DiGraph}, as Python's {@code DiGraphEdge}: the target node and when the
 * edge is taken after its source speaks.
 *
 * <p>The condition is either a string (taken when the source's message text contains it), a predicate on
 * that message, or absent (always taken). A predicate is not serializable: it is written as
 * {@code "condition": null}, as Python writes a callable condition. Edges pointing to the same target
 * are grouped by {@code activationGroup} (default: the target's name); {@code activationCondition} says
 * whether the target waits for all edges of its group or runs on any.
 *
 * <pre>{@code
 * new DiGraphEdge("reviewer");                                   // always
 * new DiGraphEdge("publisher", "APPROVE");                       // when the text contains APPROVE
 * new DiGraphEdge("writer", m -> !m.toModelText().contains("APPROVE"));
 * }</pre>
 */
@JsonPropertyOrder({"target", "condition", "activation_group", "activation_condition"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DiGraphEdge(String target, @Nullable String condition,
        @JsonIgnore @Nullable Predicate<BaseChatMessage> conditionFunction, String activationGroup,
        DiGraphActivation activationCondition) {

    /**
     * @param activationGroup the group among the target's incoming edges; null or empty means the target's name
     * @param activationCondition null means {@link DiGraphActivation#ALL}
     * @throws IllegalArgumentException if the target is blank or both a string and a predicate condition are given
     */
    public DiGraphEdge(String target, @Nullable String condition,
            @Nullable Predicate<BaseChatMessage> conditionFunction, @Nullable String activationGroup,
            @Nullable DiGraphActivation activationCondition) {
        Objects.requireNonNull(target, "target");
        if (target.isBlank()) {
            throw new IllegalArgumentException("edge target must be a node name, got a blank string");
        }
        if (condition != null && conditionFunction != null) {
            throw new IllegalArgumentException("edge to '" + target
                    + "' has both a string condition and a predicate; give one of them");
        }
        this.target = target;
        this.condition = condition;
        this.conditionFunction = conditionFunction;
        this.activationGroup = activationGroup == null || activationGroup.isEmpty() ? target : activationGroup;
        this.activationCondition = activationCondition == null ? DiGraphActivation.ALL : activationCondition;
    }

    /** An unconditional edge to {@code target}. */
    public DiGraphEdge(String target) {
        this(target, null, null, null, null);
    }

    /** An edge taken when the source's message text contains {@code condition}. */
    public DiGraphEdge(String target, String condition) {
        this(target, Objects.requireNonNull(condition, "condition"), null, null, null);
    }

    /** An edge taken when {@code condition} accepts the source's message (not serializable). */
    public DiGraphEdge(String target, Predicate<BaseChatMessage> condition) {
        this(target, null, Objects.requireNonNull(condition, "condition"), null, null);
    }

    /** Reads Python's JSON form. */
    @JsonCreator
    static DiGraphEdge fromJson(@JsonProperty("target") String target, @JsonProperty("condition") @Nullable String condition,
            @JsonProperty("activation_group") @Nullable String activationGroup,
            @JsonProperty("activation_condition") @Nullable DiGraphActivation activationCondition) {
        if (target == null) {
            throw new IllegalArgumentException("edge is missing its 'target'");
        }
        return new DiGraphEdge(target, condition, null, activationGroup, activationCondition);
    }

    /** Whether the edge has a condition (string or predicate). */
    @JsonIgnore
    public boolean isConditional() {
        return condition != null || conditionFunction != null;
    }

    /** Whether the edge is taken after its source said {@code message}; an unconditional edge always is. */
    public boolean checkCondition(BaseChatMessage message) {
        if (conditionFunction != null) {
            return conditionFunction.test(message);
        }
        if (condition != null) {
            return message.toModelText().contains(condition);
        }
        return true;
    }
}
