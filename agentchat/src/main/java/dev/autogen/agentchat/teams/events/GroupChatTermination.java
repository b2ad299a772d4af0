package dev.autogen.agentchat.teams.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.StopMessage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The run is over.
 *
 * @param message why it stopped
 * @param error the failure that ended it, if any
 */
@JsonPropertyOrder({"message", "error"})
public record GroupChatTermination(StopMessage message, @Nullable SerializableException error) implements GroupChatEvent {
    public GroupChatTermination {
        Objects.requireNonNull(message, "message");
    }

    /** A termination without error. */
    public GroupChatTermination(StopMessage message) {
        this(message, null);
    }
}
