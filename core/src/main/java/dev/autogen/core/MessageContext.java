package dev.autogen.core;

import java.util.Map;
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
 * @param metadata entries that travel with the message and with what its handler sends on, such as
 *     a trace context ({@link RuntimeListener#messageSendStart}); Python's envelope metadata
 */
public record MessageContext(
        Optional<AgentId> sender,
        Optional<TopicId> topicId,
        boolean isRpc,
        CancellationToken cancellationToken,
        String messageId,
        Map<String, String> metadata) {

    public MessageContext {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        Objects.requireNonNull(messageId, "messageId");
        metadata = Map.copyOf(metadata);
    }

    /** A context without metadata. */
    public MessageContext(Optional<AgentId> sender, Optional<TopicId> topicId, boolean isRpc,
            CancellationToken cancellationToken, String messageId) {
        this(sender, topicId, isRpc, cancellationToken, messageId, Map.of());
    }
}
