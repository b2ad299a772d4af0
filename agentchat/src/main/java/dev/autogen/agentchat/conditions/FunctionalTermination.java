package dev.autogen.agentchat.conditions;

import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run when a predicate over the new messages (chat messages and events since the last
 * check) returns true. Not a component: a Java predicate cannot be written as a config, so
 * {@link #dumpComponent()} throws.
 *
 * <pre>{@code
 * var secondRejection = new FunctionalTermination(messages ->
 *         messages.stream().anyMatch(m -> m instanceof StopMessage));
 * // stop message: source "FunctionalTermination", content "Functional termination condition met"
 * }</pre>
 *
 * <p>The predicate runs on the team's thread, once per agent response; keep it quick. To remember
 * something across checks, keep that state in the predicate (it is not reset with the condition).
 */
public final class FunctionalTermination implements TerminationCondition {
    private final Predicate<List<BaseMessage>> predicate;
    private volatile boolean terminated;

    /** Stops when {@code predicate} returns true for the messages of a check. */
    public FunctionalTermination(Predicate<List<BaseMessage>> predicate) {
        this.predicate = Objects.requireNonNull(predicate, "predicate");
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated) {
            throw Conditions.alreadyReached();
        }
        if (predicate.test(List.copyOf(messages))) {
            terminated = true;
            return new StopMessage("Functional termination condition met", "FunctionalTermination");
        }
        return null;
    }

    @Override
    public void reset() {
        terminated = false;
    }

    /**
     * Always throws: the predicate has no config form.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("FunctionalTermination holds a Java predicate and cannot be written "
                + "as a config; use a serializable condition (e.g. TextMentionTermination) where a config is needed");
    }

    @Override
    public String toString() {
        return "FunctionalTermination[" + predicate + "]";
    }
}
