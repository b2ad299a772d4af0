package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentBase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a team's run stops. A team calls it once per agent response with the messages new
 * since the previous call (chat messages and agent events); it answers with a {@link StopMessage}
 * naming the reason, or null to go on.
 *
 * <p>Conditions are stateful: once fired they must be {@link #reset()} (teams do that after each
 * run), and calling a fired condition throws {@link TerminatedException}. Combine them with
 * {@link #or} (stop when any fires) and {@link #and} (stop when all have fired); the combinations
 * are components too, so they can be dumped and loaded.
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.MaxMessageTermination;
 *      import dev.autogen.agentchat.conditions.TextMentionTermination;
 *      import dev.autogen.agentchat.messages.BaseChatMessage; List<BaseChatMessage> newMessages; -->
 * <pre>{@code
 * TerminationCondition stop = new TextMentionTermination("APPROVE").or(new MaxMessageTermination(10));
 * StopMessage reason = stop.check(newMessages);   // null: keep going
 * }</pre>
 *
 * <p>A condition is used by one team at a time: {@link #check} and {@link #reset} are not called
 * concurrently. Implementations must still make their state visible to whichever thread calls
 * next (teams call from different virtual threads).
 */
public interface TerminationCondition extends ComponentBase {
    /** Whether the condition has fired (and needs a {@link #reset()} before the next check). */
    boolean terminated();

    /**
     * Checks the messages produced since the previous call.
     *
     * @param messages the new chat messages and agent events, oldest first
     * @return a stop message when the run should stop, otherwise null
     * @throws TerminatedException if the condition has already fired and was not reset
     */
    @Nullable StopMessage check(List<? extends BaseMessage> messages);

    /** Clears the condition's state so it can be used for another run. */
    void reset();

    /**
     * A condition that fires when this one or {@code other} fires, Python's {@code a | b}. Its stop
     * message joins the contents (and sources) of the conditions that fired with {@code ", "}.
     */
    default OrTerminationCondition or(TerminationCondition other) {
        return new OrTerminationCondition(this, other);
    }

    /**
     * A condition that fires once this one and {@code other} have both fired, in the same check or
     * in different ones, Python's {@code a & b}. Its stop message joins all their stop messages.
     */
    default AndTerminationCondition and(TerminationCondition other) {
        return new AndTerminationCondition(this, other);
    }
}
