package dev.autogen.ext.runtimes.grpc.internal;

import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.AGENT_SENDER_KEY_ATTR;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.AGENT_SENDER_TYPE_ATTR;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.DATA_CONTENT_TYPE_ATTR;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.DATA_SCHEMA_ATTR;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.MESSAGE_KIND_ATTR;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.MESSAGE_KIND_VALUE_PUBLISH;
import static dev.autogen.ext.runtimes.grpc.internal.WireConstants.UNKNOWN_SENDER;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.autogen.core.AgentId;
import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypePrefixSubscription;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.SerializationConstants;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent.CloudEventAttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between the core's types and the protocol's messages, with the values Python AutoGen
 * writes ({@code autogen_ext.runtimes.grpc._utils} and its worker's CloudEvents).
 */
public final class WireFormat {
    private static final Set<String> PROTOCOL_ATTRIBUTES = Set.of(DATA_CONTENT_TYPE_ATTR, DATA_SCHEMA_ATTR,
            AGENT_SENDER_TYPE_ATTR, AGENT_SENDER_KEY_ATTR, MESSAGE_KIND_ATTR);

    private WireFormat() {
    }

    public static dev.autogen.ext.runtimes.grpc.internal.proto.AgentId toProto(AgentId id) {
        return dev.autogen.ext.runtimes.grpc.internal.proto.AgentId.newBuilder()
                .setType(id.type()).setKey(id.key()).build();
    }

    /** @throws IllegalArgumentException if the type or key is not a valid agent id */
    public static AgentId fromProto(dev.autogen.ext.runtimes.grpc.internal.proto.AgentId id) {
        return new AgentId(id.getType(), id.getKey());
    }

    /** The {@code type/key} form of a protocol agent id, for messages; never fails. */
    public static String describe(dev.autogen.ext.runtimes.grpc.internal.proto.AgentId id) {
        return id.getType() + "/" + id.getKey();
    }

    /**
     * A subscription as the protocol carries it.
     *
     * @throws IllegalArgumentException for a kind the protocol has no message for
     */
    public static dev.autogen.ext.runtimes.grpc.internal.proto.Subscription toProto(Subscription subscription) {
        var builder = dev.autogen.ext.runtimes.grpc.internal.proto.Subscription.newBuilder().setId(subscription.id());
        if (subscription instanceof TypeSubscription type) {
            return builder.setTypeSubscription(dev.autogen.ext.runtimes.grpc.internal.proto.TypeSubscription.newBuilder()
                    .setTopicType(type.topicType()).setAgentType(type.agentType())).build();
        }
        if (subscription instanceof TypePrefixSubscription prefix) {
            return builder.setTypePrefixSubscription(
                    dev.autogen.ext.runtimes.grpc.internal.proto.TypePrefixSubscription.newBuilder()
                            .setTopicTypePrefix(prefix.topicTypePrefix()).setAgentType(prefix.agentType())).build();
        }
        throw new IllegalArgumentException("subscription " + subscription.id() + " of agent type '"
                + subscription.agentType() + "' cannot cross processes: AutoGen's protocol carries only type and"
                + " type-prefix subscriptions");
    }

    /**
     * A subscription from the protocol.
     *
     * @throws IllegalArgumentException if it has neither kind set
     */
    public static Subscription fromProto(dev.autogen.ext.runtimes.grpc.internal.proto.Subscription subscription) {
        return switch (subscription.getSubscriptionCase()) {
            case TYPESUBSCRIPTION -> new TypeSubscription(subscription.getTypeSubscription().getTopicType(),
                    subscription.getTypeSubscription().getAgentType(), subscription.getId());
            case TYPEPREFIXSUBSCRIPTION -> new TypePrefixSubscription(
                    subscription.getTypePrefixSubscription().getTopicTypePrefix(),
                    subscription.getTypePrefixSubscription().getAgentType(), subscription.getId());
            case SUBSCRIPTION_NOT_SET -> throw new IllegalArgumentException("subscription '" + subscription.getId()
                    + "' has neither typeSubscription nor typePrefixSubscription set");
        };
    }

    /**
     * The CloudEvent of a published message, with the attributes Python's worker sets; the metadata
     * (a trace context, say) rides along as string attributes, where Python's worker reads its trace
     * parent from.
     */
    public static CloudEvent publishEvent(String messageId, TopicId topic, Optional<AgentId> sender,
            EncodedMessage message, Map<String, String> metadata) {
        CloudEvent.Builder event = CloudEvent.newBuilder()
                .setId(messageId)
                .setSource(topic.source())
                .setSpecVersion(WireConstants.SPEC_VERSION)
                .setType(topic.type());
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (!PROTOCOL_ATTRIBUTES.contains(entry.getKey())) {
                event.putAttributes(entry.getKey(), string(entry.getValue()));
            }
        }
        event.putAttributes(DATA_CONTENT_TYPE_ATTR, string(message.dataContentType()))
                .putAttributes(DATA_SCHEMA_ATTR, string(message.typeName()))
                .putAttributes(AGENT_SENDER_TYPE_ATTR, string(sender.map(AgentId::type).orElse(UNKNOWN_SENDER)))
                .putAttributes(AGENT_SENDER_KEY_ATTR, string(sender.map(AgentId::key).orElse(UNKNOWN_SENDER)))
                .putAttributes(MESSAGE_KIND_ATTR, string(MESSAGE_KIND_VALUE_PUBLISH));
        if (SerializationConstants.PROTOBUF_DATA_CONTENT_TYPE.equals(message.dataContentType())) {
            try {
                event.setProtoData(Any.parseFrom(message.data()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("the protobuf serializer of " + message.typeName()
                        + " must write a google.protobuf.Any, as Python AutoGen's does", e);
            }
        } else {
            event.setBinaryData(message.data());
        }
        return event.build();
    }

    /**
     * The message a CloudEvent carries, still encoded.
     *
     * @throws IllegalArgumentException if the event lacks the data schema attribute
     */
    public static EncodedMessage eventMessage(CloudEvent event) {
        String typeName = attribute(event, DATA_SCHEMA_ATTR);
        if (typeName == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " on topic " + event.getType() + "/"
                    + event.getSource() + " has no '" + DATA_SCHEMA_ATTR + "' attribute naming its message type");
        }
        String contentType = attribute(event, DATA_CONTENT_TYPE_ATTR);
        ByteString data = switch (event.getDataCase()) {
            case BINARY_DATA -> event.getBinaryData();
            case TEXT_DATA -> ByteString.copyFromUtf8(event.getTextData());
            case PROTO_DATA -> event.getProtoData().toByteString();
            case DATA_NOT_SET -> ByteString.EMPTY;
        };
        return new EncodedMessage(typeName, contentType != null ? contentType
                : SerializationConstants.JSON_DATA_CONTENT_TYPE, data);
    }

    /** The publishing agent; empty for Python's {@code unknown/unknown} or a missing sender. */
    public static Optional<AgentId> eventSender(CloudEvent event) {
        String type = attribute(event, AGENT_SENDER_TYPE_ATTR);
        String key = attribute(event, AGENT_SENDER_KEY_ATTR);
        if (type == null || key == null || (UNKNOWN_SENDER.equals(type) && UNKNOWN_SENDER.equals(key))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AgentId(type, key));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The attributes that are not the protocol's own (a trace context, say), as strings. */
    public static Map<String, String> eventMetadata(CloudEvent event) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, CloudEventAttributeValue> entry : event.getAttributesMap().entrySet()) {
            if (!PROTOCOL_ATTRIBUTES.contains(entry.getKey())) {
                String value = text(entry.getValue());
                if (value != null) {
                    metadata.put(entry.getKey(), value);
                }
            }
        }
        return metadata;
    }

    /** An attribute as text, or null when absent. */
    public static @Nullable String attribute(CloudEvent event, String name) {
        CloudEventAttributeValue value = event.getAttributesMap().get(name);
        return value == null ? null : text(value);
    }

    private static @Nullable String text(CloudEventAttributeValue value) {
        return switch (value.getAttrCase()) {
            case CE_STRING -> value.getCeString();
            case CE_URI -> value.getCeUri();
            case CE_URI_REF -> value.getCeUriRef();
            case CE_BOOLEAN -> value.getCeBoolean() ? "True" : "False";
            case CE_INTEGER -> Integer.toString(value.getCeInteger());
            case CE_BYTES -> value.getCeBytes().toStringUtf8();
            case CE_TIMESTAMP -> value.getCeTimestamp().toString().strip();
            case ATTR_NOT_SET -> null;
        };
    }

    private static CloudEventAttributeValue string(String value) {
        return CloudEventAttributeValue.newBuilder().setCeString(value).build();
    }
}
