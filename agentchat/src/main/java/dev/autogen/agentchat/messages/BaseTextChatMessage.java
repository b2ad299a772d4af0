package dev.autogen.agentchat.messages;

import dev.autogen.core.models.UserMessage;

/** A chat message whose content is a string: text, model text and model message are that string. */
public interface BaseTextChatMessage extends BaseChatMessage {
    /** The text. */
    String content();

    @Override
    default String toText() {
        return content();
    }

    @Override
    default String toModelText() {
        return content();
    }

    @Override
    default UserMessage toModelMessage() {
        return new UserMessage(content(), source());
    }
}
