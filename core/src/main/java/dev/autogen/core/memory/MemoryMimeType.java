package dev.autogen.core.memory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The MIME types of {@link MemoryContent} that AutoGen knows, with Python's values. */
public enum MemoryMimeType {
    TEXT("text/plain"),
    JSON("application/json"),
    MARKDOWN("text/markdown"),
    IMAGE("image/*"),
    BINARY("application/octet-stream");

    private final String value;

    MemoryMimeType(String value) {
        this.value = value;
    }

    /** The MIME type string, e.g. {@code text/plain}. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose {@link #value()} is {@code value}, if any. */
    public static Optional<MemoryMimeType> fromValue(String value) {
        for (MemoryMimeType t : values()) {
            if (t.value.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static MemoryMimeType parse(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown memory MIME type '" + value + "'; expected one of text/plain, application/json, "
                        + "text/markdown, image/*, application/octet-stream"));
    }

    @Override
    public String toString() {
        return value;
    }
}
