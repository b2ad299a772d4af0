package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.UserMessage;

/**
 * A message sent from one agent to others, which they are expected to act on; its content reaches
 * models through {@link #toModelMessage()}. Implement it with a record to define a custom chat
 * message (and register the type with a {@link MessageFactory} or a team's custom message types).
 */
@JsonDeserialize(using = MessageDeserializer.class)
public interface BaseChatMessage extends BaseMessage {
    /** The content as text for a model (not for display). */
    String toModelText();

    /** The content as a model-context message. */
    UserMessage toModelMessage();
}
