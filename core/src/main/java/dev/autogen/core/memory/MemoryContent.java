package dev.autogen.core.memory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.autogen.core.Image;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of memory: its content, the MIME type of the content and optional metadata, as
 * Python's {@code MemoryContent}.
 *
 * <!-- java-context: Memory memory; -->
 * <pre>{@code
 * memory.add(new MemoryContent("The user prefers metric units", MemoryMimeType.TEXT));
 * memory.add(new MemoryContent(Map.of("city", "Paris"), MemoryMimeType.JSON, Map.of("source", "profile")));
 * }</pre>
 *
 * <p>JSON as Python writes it: {@code {"content": ..., "mime_type": "text/plain", "metadata": null}};
 * bytes are written as UTF-8 text, as pydantic does. Like any record holding an array, two items
 * with equal {@code byte[]} content are not {@code equals}.
 *
 * @param content a {@link String}, {@code byte[]}, {@code Map<String, ?>} (JSON data) or {@link Image}
 * @param mimeType the MIME type, one of {@link MemoryMimeType}'s values or any other
 * @param metadata data about the item (source, score, ...), or {@code null}
 */
@JsonPropertyOrder({"content", "mime_type", "metadata"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemoryContent(
        @JsonSerialize(using = MemoryContent.ContentSerializer.class) Object content,
        String mimeType,
        @Nullable Map<String, Object> metadata) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * @throws IllegalArgumentException if the content is of another type than the four allowed
     */
    public MemoryContent {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mimeType, "mimeType");
        if (content instanceof Map<?, ?> map) {
            content = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        } else if (!(content instanceof String || content instanceof byte[] || content instanceof Image)) {
            throw new IllegalArgumentException("memory content must be a String, byte[], Map or Image, not "
                    + content.getClass().getName());
        }
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Content of a known MIME type, without metadata. */
    public MemoryContent(Object content, MemoryMimeType mimeType) {
        this(content, mimeType.value(), null);
    }

    /** Content of a known MIME type with metadata. */
    public MemoryContent(Object content, MemoryMimeType mimeType, @Nullable Map<String, Object> metadata) {
        this(content, mimeType.value(), metadata);
    }

    @JsonCreator
    static MemoryContent fromJson(
            @JsonProperty(value = "content", required = true) JsonNode content,
            @JsonProperty(value = "mime_type", required = true) String mimeType,
            @JsonProperty("metadata") @Nullable Map<String, Object> metadata) {
        Object value;
        if (content.isTextual()) {
            value = content.textValue();
        } else if (content.isObject() && mimeType.startsWith("image/") && content.has("data")) {
            value = AutogenJson.mapper().convertValue(content, Image.class);
        } else if (content.isObject()) {
            value = AutogenJson.mapper().convertValue(content, MAP);
        } else {
            throw new IllegalArgumentException("memory content must be a string or an object, got " + content.getNodeType());
        }
        return new MemoryContent(value, mimeType, metadata);
    }

    /** The MIME type as a {@link MemoryMimeType} constant, if it is one of them. */
    public Optional<MemoryMimeType> knownMimeType() {
        return MemoryMimeType.fromValue(mimeType);
    }

    /** Writes {@code byte[]} content as UTF-8 text, as pydantic does, and other content as itself. */
    static final class ContentSerializer extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;

        ContentSerializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value instanceof byte[] bytes) {
                gen.writeString(new String(bytes, StandardCharsets.UTF_8));
            } else {
                provider.defaultSerializeValue(value, gen);
            }
        }
    }
}
