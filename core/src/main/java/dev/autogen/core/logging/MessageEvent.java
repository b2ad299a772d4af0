package dev.autogen.core.logging;

import static dev.autogen.core.serialization.SerializationConstants.JSON_DATA_CONTENT_TYPE;

import dev.autogen.core.AgentId;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.SerializationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message being sent or delivered, the counterpart of Python's {@code MessageEvent}. Renders as
 * <pre>{@code
 * {"payload": "{\"content\":\"hi\"}", "sender": "writer/default", "receiver": "critic/default",
 *  "kind": "MessageKind.DIRECT", "delivery_stage": "DeliveryStage.SEND", "type": "Message"}
 * }</pre>
 *
 * @param payload the message as text, usually its JSON (see {@link #payloadOf})
 * @param sender the sending agent, or null when sent from outside any agent
 * @param receiver the receiving {@link AgentId} or {@link TopicId}, or null (e.g. a response to an
 *     outside caller)
 * @param kind direct, publish or respond
 * @param deliveryStage send or deliver
 */
public record MessageEvent(String payload, @Nullable AgentId sender, @Nullable Object receiver, MessageKind kind,
        DeliveryStage deliveryStage) implements LogEvent {
    /** The payload text Python writes for a message that cannot be serialized. */
    public static final String UNSERIALIZABLE_PAYLOAD = "Message could not be serialized";

    /**
     * @throws IllegalArgumentException if the receiver is neither an {@link AgentId} nor a {@link TopicId}
     */
    public MessageEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deliveryStage, "deliveryStage");
        checkReceiver(receiver);
    }

    /**
     * The payload text for an event, as Python's runtime makes it: the message's JSON from the
     * registry's serializer, or {@link #UNSERIALIZABLE_PAYLOAD} when it has none that works.
     */
    public static String payloadOf(Object message, SerializationRegistry registry) {
        try {
            byte[] json = registry.serialize(message, registry.typeName(message), JSON_DATA_CONTENT_TYPE);
            return new String(json, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return UNSERIALIZABLE_PAYLOAD;
        }
    }

    @Override
    public String type() {
        return "Message";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("payload", payload);
        fields.put("sender", PythonJson.str(sender));
        fields.put("receiver", PythonJson.str(receiver));
        fields.put("kind", kind.pythonName());
        fields.put("delivery_stage", deliveryStage.pythonName());
        fields.put("type", type());
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }

    static void checkReceiver(@Nullable Object receiver) {
        if (receiver != null && !(receiver instanceof AgentId) && !(receiver instanceof TopicId)) {
            throw new IllegalArgumentException("receiver must be an AgentId or a TopicId, not "
                    + receiver.getClass().getName());
        }
    }
}
