package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Something an agent or team did or thought, for users and applications to observe (tool calls,
 * streamed tokens, memory lookups...). Events are not processed by other agents.
 */
@JsonDeserialize(using = MessageDeserializer.class)
public interface BaseAgentEvent extends BaseMessage {
}
