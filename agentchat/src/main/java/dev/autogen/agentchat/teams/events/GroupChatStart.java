package dev.autogen.agentchat.teams.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseChatMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts (or continues) a run: sent to the manager, which relays it to every participant.
 *
 * @param messages the task, or null to continue the conversation
 * @param outputTaskMessages whether the task messages appear in the run's output
 */
@JsonPropertyOrder({"messages", "output_task_messages"})
public record GroupChatStart(@Nullable List<BaseChatMessage> messages, boolean outputTaskMessages)
        implements GroupChatEvent {
    public GroupChatStart {
        messages = messages == null ? null : List.copyOf(messages);
    }

    /** The task messages, empty when there are none. */
    public List<BaseChatMessage> messagesOrEmpty() {
        return messages == null ? List.of() : messages;
    }
}
