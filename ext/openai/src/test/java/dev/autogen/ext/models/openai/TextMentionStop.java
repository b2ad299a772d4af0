package dev.autogen.ext.models.openai;

import dev.autogen.agentchat.base.TerminatedException;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops when a chat message mentions a text, with Python TextMentionTermination's reason; test-local
 * because the conditions package is not in agentchat yet.
 */
final class TextMentionStop implements TerminationCondition {
    private final String text;
    private boolean terminated;

    TextMentionStop(String text) {
        this.text = text;
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
            if (message instanceof BaseChatMessage chat && chat.toModelText().contains(text)) {
                terminated = true;
                return new StopMessage("Text '" + text + "' mentioned", "TextMentionTermination");
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
        throw new UnsupportedOperationException("test-local condition");
    }
}
