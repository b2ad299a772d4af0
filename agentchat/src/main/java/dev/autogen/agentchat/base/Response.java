package dev.autogen.agentchat.base;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an agent answers to {@link ChatAgent#onMessages}: its chat message, and the events and
 * messages it produced on the way (tool calls, their results, thoughts...).
 *
 * @param chatMessage the agent's reply, which its team shares with the other participants
 * @param innerMessages what the agent produced before the reply, in order (never streaming chunks)
 */
@JsonPropertyOrder({"chat_message", "inner_messages"})
public record Response(BaseChatMessage chatMessage, List<BaseMessage> innerMessages) implements TurnResult {
    public Response {
        Objects.requireNonNull(chatMessage, "chatMessage");
        innerMessages = innerMessages == null ? List.of() : List.copyOf(innerMessages);
    }

    /** A response with no inner messages. */
    public Response(BaseChatMessage chatMessage) {
        this(chatMessage, List.of());
    }

    /** A response with {@code innerMessages}, which may be null for none. */
    public static Response of(BaseChatMessage chatMessage, @Nullable List<? extends BaseMessage> innerMessages) {
        return new Response(chatMessage, innerMessages == null ? List.of() : List.copyOf(innerMessages));
    }
}
