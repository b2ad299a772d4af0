package dev.autogen.core.serialization;

/**
 * Turns one message type into bytes and back, so messages can cross a process boundary. A runtime
 * keeps one serializer per ({@link #typeName()}, {@link #dataContentType()}) pair.
 *
 * @param <T> the message type
 */
public interface MessageSerializer<T> {
    /** The content type of the bytes, e.g. {@link SerializationConstants#JSON_DATA_CONTENT_TYPE}. */
    String dataContentType();

    /** The name the message type travels under; Python AutoGen uses the class name. */
    String typeName();

    /** The Java type handled. */
    Class<T> type();

    /** Serializes a message. */
    byte[] serialize(T message);

    /**
     * Deserializes a message.
     *
     * @throws IllegalArgumentException if the bytes are not a valid message of this type
     */
    T deserialize(byte[] payload);
}
