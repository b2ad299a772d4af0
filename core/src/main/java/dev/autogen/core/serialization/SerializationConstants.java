package dev.autogen.core.serialization;

/** Content types of serialized messages, as Python AutoGen names them. */
public final class SerializationConstants {
    /** JSON payloads: {@code application/json}. */
    public static final String JSON_DATA_CONTENT_TYPE = "application/json";
    /** Protocol Buffers payloads: {@code application/x-protobuf}. */
    public static final String PROTOBUF_DATA_CONTENT_TYPE = "application/x-protobuf";

    private SerializationConstants() {
    }
}
