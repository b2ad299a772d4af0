package dev.autogen.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a handler knows about the message it is handling besides its content.
 *
 * @param sender the sending agent; empty when sent from outside any agent
 * @param topicId the topic the message was published to; empty for a direct message
 * @param isRpc true for a direct message whose handler's return value is the reply
 * @param cancellationToken cancelled when the sender gives up; pass it on to nested calls
 * @param messageId unique id of the message
 */
public record MessageContext(
        Optional<AgentId> sender,
        Optional<TopicId> topicId,
        boolean isRpc,
        CancellationToken cancellationToken,
        String messageId) {

    public MessageContext {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        Objects.requireNonNull(messageId, "messageId");
    }
}
