package dev.autogen.core.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.ContextAttributes;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Serializes any type Jackson can bind (records, beans) as JSON with AutoGen's conventions
 * ({@link AutogenJson}: snake_case fields). The type name defaults to the simple class name, as
 * Python AutoGen names a message type by its class {@code __name__}, so a Java record
 * {@code AskQuestion} and a Python dataclass {@code AskQuestion} with the same fields interoperate.
 *
 * <!-- java-context: SerializationRegistry registry; -->
 * <pre>{@code
 * record AskQuestion(String question, int maxWords) {}
 * registry.add(JsonMessageSerializer.of(AskQuestion.class));
 * // type_name "AskQuestion", payload {"question":"...","max_words":50}
 * }</pre>
 *
 * @param <T> the message type
 */
public final class JsonMessageSerializer<T> implements MessageSerializer<T> {
    private final Class<T> type;
    private final String typeName;
    private final ObjectMapper mapper;
    private final ContextAttributes readerAttributes;
    private volatile @Nullable ObjectReader reader;

    /**
     * A serializer for {@code type} under its simple class name, with {@link AutogenJson#mapper()}.
     *
     * @throws IllegalArgumentException if the type is anonymous (it has no name to travel under)
     */
    public JsonMessageSerializer(Class<T> type) {
        this(type, nameOf(type), AutogenJson.mapper());
    }

    /**
     * A serializer for {@code type} under a chosen type name, for a Java class whose Python
     * counterpart has another name.
     */
    public JsonMessageSerializer(Class<T> type, String typeName) {
        this(type, typeName, AutogenJson.mapper());
    }

    /** A serializer for {@code type} under a chosen type name, with a mapper of one's own. */
    public JsonMessageSerializer(Class<T> type, String typeName, ObjectMapper mapper) {
        this(type, typeName, mapper, ContextAttributes.getEmpty());
    }

    private JsonMessageSerializer(Class<T> type, String typeName, ObjectMapper mapper, ContextAttributes readerAttributes) {
        this.type = Objects.requireNonNull(type, "type");
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.readerAttributes = readerAttributes;
        if (typeName.isBlank()) {
            throw new IllegalArgumentException("typeName of the serializer for " + type.getName() + " must not be blank");
        }
    }

    /**
     * The same serializer, reading with an attribute that custom deserializers find in their
     * {@code DeserializationContext} (for example the message factory of a team).
     */
    public JsonMessageSerializer<T> withReaderAttribute(Object key, Object value) {
        return new JsonMessageSerializer<>(type, typeName, mapper, readerAttributes.withSharedAttribute(key, value));
    }

    /** Shorthand for {@code new JsonMessageSerializer<>(type)}. */
    public static <T> JsonMessageSerializer<T> of(Class<T> type) {
        return new JsonMessageSerializer<>(type);
    }

    @Override
    public String dataContentType() {
        return SerializationConstants.JSON_DATA_CONTENT_TYPE;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the message cannot be written as JSON
     */
    @Override
    public byte[] serialize(T message) {
        Objects.requireNonNull(message, "message");
        try {
            return mapper.writeValueAsBytes(type.cast(message));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + typeName + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        try {
            T value = reader().readValue(payload);
            if (value == null) {
                throw new IllegalArgumentException("cannot read " + typeName + " from JSON: the payload is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + typeName + " from JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + typeName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonMessageSerializer[" + typeName + " <-> " + type.getName() + "]";
    }

    /** Made at the first read: building a reader prepares its deserializers, which a runtime that never reads bytes need not pay for. */
    private ObjectReader reader() {
        ObjectReader current = reader;
        if (current == null) {
            current = mapper.readerFor(type).with(readerAttributes);
            reader = current;
        }
        return current;
    }

    static String nameOf(Class<?> type) {
        String name = type.getSimpleName();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " is anonymous; give its serializer a type name");
        }
        return name;
    }
}
