package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentBase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a team's run stops. A team calls it once per agent response with the messages new
 * since the previous call; it answers with a {@link StopMessage} naming the reason, or null to go on.
 * Conditions are stateful: once fired they must be {@link #reset()} (teams do that after each run),
 * and calling a fired condition throws {@link TerminatedException}.
 */
public interface TerminationCondition extends ComponentBase {
    /** Whether the condition has fired. */
    boolean terminated();

    /**
     * Checks the new messages.
     *
     * @return a stop message when the run should stop, otherwise null
     * @throws TerminatedException if the condition has already fired
     */
    @Nullable StopMessage check(List<? extends BaseMessage> messages);

    /** Clears the condition's state so it can be used for another run. */
    void reset();
}
