package dev.autogen.core.serialization;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message whose type this process has no serializer for, passed on undecoded: what a
 * {@link SerializationRegistry} returns for an unknown (type name, content type) pair, so that a
 * message from another language's agent is delivered rather than lost.
 *
 * @param typeName the name the message travelled under, e.g. {@code TextMessage}
 * @param dataContentType the content type of the bytes, e.g. {@code application/json}
 * @param payload the serialized message (copied in and out)
 */
public record UnknownPayload(String typeName, String dataContentType, byte[] payload) {
    public UnknownPayload {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(dataContentType, "dataContentType");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy of the serialized message. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownPayload that
                && typeName.equals(that.typeName)
                && dataContentType.equals(that.dataContentType)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName, dataContentType, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UnknownPayload[typeName=" + typeName + ", dataContentType=" + dataContentType
                + ", payload=" + payload.length + " bytes]";
    }
}
