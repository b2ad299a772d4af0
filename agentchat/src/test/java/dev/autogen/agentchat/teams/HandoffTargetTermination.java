package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.TerminatedException;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Stops on a handoff to {@code target}, as HandoffTermination does; independent of the conditions package. */
final class HandoffTargetTermination implements TerminationCondition {
    private final String target;
    private boolean terminated;

    HandoffTargetTermination(String target) {
        this.target = target;
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
        for (BaseMessage message : messages) {
            if (message instanceof HandoffMessage handoff && handoff.target().equals(target)) {
                terminated = true;
                return new StopMessage("Handoff to " + target + " from " + handoff.source() + " detected.",
                        "HandoffTermination");
            }
        }
        return null;
    }

    @Override
    public void reset() {
        terminated = false;
    }

    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException();
    }
}
