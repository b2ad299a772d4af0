package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.TerminatedException;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Stops after N chat messages, with MaxMessageTermination's reason; independent of the conditions package. */
final class CountingTermination implements TerminationCondition {
    private final int max;
    private int count;
    private boolean terminated;
    int resets;

    CountingTermination(int max) {
        this.max = max;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated) {
            throw new TerminatedException("Termination condition has already been reached");
        }
        count += (int) messages.stream().filter(m -> m instanceof BaseChatMessage).count();
        if (count >= max) {
            terminated = true;
            return new StopMessage("Maximum number of messages " + max + " reached, current message count: " + count,
                    "CountingTermination");
        }
        return null;
    }

    @Override
    public void reset() {
        count = 0;
        terminated = false;
        resets++;
    }

    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException();
    }
}
