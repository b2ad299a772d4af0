package dev.autogen.agentchat.teams.events;

import java.util.Objects;

/** A participant failed while speaking; the manager ends the run with this error. */
public record GroupChatError(SerializableException error) implements GroupChatEvent {
    public GroupChatError {
        Objects.requireNonNull(error, "error");
    }
}
