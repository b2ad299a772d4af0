package dev.autogen.ext.runtimes.grpc.internal;

import com.google.protobuf.ByteString;
import dev.autogen.ext.runtimes.grpc.internal.proto.Payload;

/**
 * A serialized message as it travels: its type name, content type and bytes (the protocol's
 * {@code Payload}, or the data and attributes of a CloudEvent).
 */
public record EncodedMessage(String typeName, String dataContentType, ByteString data) {

    public static EncodedMessage of(Payload payload) {
        return new EncodedMessage(payload.getDataType(), payload.getDataContentType(), payload.getData());
    }

    public Payload toPayload() {
        return Payload.newBuilder().setDataType(typeName).setDataContentType(dataContentType).setData(data).build();
    }
}
