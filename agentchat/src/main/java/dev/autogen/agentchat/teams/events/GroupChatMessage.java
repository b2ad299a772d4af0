package dev.autogen.agentchat.teams.events;

import dev.autogen.agentchat.messages.BaseMessage;
import java.util.Objects;

/**
 * A message or event produced during a run, published to the team's output topic; the manager
 * relays it to the caller of the run in the order it arrives.
 */
public record GroupChatMessage(BaseMessage message) implements GroupChatEvent {
    public GroupChatMessage {
        Objects.requireNonNull(message, "message");
    }
}
