package dev.autogen.ext.runtimes.grpc.internal;

import static dev.autogen.core.serialization.SerializationConstants.JSON_DATA_CONTENT_TYPE;
import static dev.autogen.core.serialization.SerializationConstants.PROTOBUF_DATA_CONTENT_TYPE;

import com.google.protobuf.ByteString;
import dev.autogen.core.serialization.SerializationRegistry;
import dev.autogen.core.serialization.UnknownPayload;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Encodes messages for the wire with a runtime's {@link SerializationRegistry}: JSON under Python's
 * type names when a JSON serializer is registered, protobuf when only a protobuf one is. A null
 * reply travels as JSON {@code null} of type {@code NoneType}, Python's name for it.
 */
public final class PayloadCodec {
    private static final ByteString JSON_NULL = ByteString.copyFrom("null", StandardCharsets.UTF_8);

    /** Room left in a gRPC message for the envelope around the payload (ids, attributes, metadata). */
    private static final int ENVELOPE_BYTES = 16 * 1024;

    private final SerializationRegistry registry;
    private final int maxPayloadBytes;

    /** @param maxMessageBytes the largest gRPC message the other side accepts */
    public PayloadCodec(SerializationRegistry registry, int maxMessageBytes) {
        this.registry = registry;
        this.maxPayloadBytes = Math.max(0, maxMessageBytes - ENVELOPE_BYTES);
    }

    /**
     * @throws IllegalArgumentException if no serializer is registered for the message's type, or the
     *     message is too large to travel (which gRPC would answer by closing the stream)
     */
    public EncodedMessage encode(@Nullable Object message) {
        if (message == null) {
            return new EncodedMessage(WireConstants.NONE_TYPE, JSON_DATA_CONTENT_TYPE, JSON_NULL);
        }
        String typeName = registry.typeName(message);
        String contentType = contentTypeFor(message, typeName);
        byte[] data = registry.serialize(message, typeName, contentType);
        if (data.length > maxPayloadBytes) {
            throw new IllegalArgumentException(typeName + " is " + data.length + " bytes serialized, more than the "
                    + maxPayloadBytes + " bytes a message may carry (maxMessageBytes less " + ENVELOPE_BYTES
                    + " for the envelope); send a reference to the data instead, or raise maxMessageBytes on the"
                    + " host and every worker");
        }
        return new EncodedMessage(typeName, contentType, ByteString.copyFrom(data));
    }

    /**
     * The message, or an {@link UnknownPayload} for a type without a serializer here.
     *
     * @throws IllegalArgumentException if the registered serializer rejects the bytes
     */
    public @Nullable Object decode(EncodedMessage encoded) {
        if (WireConstants.NONE_TYPE.equals(encoded.typeName())) {
            return null;
        }
        return registry.deserialize(encoded.data().toByteArray(), encoded.typeName(), encoded.dataContentType());
    }

    private String contentTypeFor(Object message, String typeName) {
        if (message instanceof UnknownPayload unknown) {
            return unknown.dataContentType();
        }
        if (!registry.isRegistered(typeName, JSON_DATA_CONTENT_TYPE)
                && registry.isRegistered(typeName, PROTOBUF_DATA_CONTENT_TYPE)) {
            return PROTOBUF_DATA_CONTENT_TYPE;
        }
        return JSON_DATA_CONTENT_TYPE;
    }
}
