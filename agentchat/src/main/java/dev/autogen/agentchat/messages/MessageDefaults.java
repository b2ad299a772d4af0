package dev.autogen.agentchat.messages;

import dev.autogen.core.utils.RandomIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defaults for the fields every message has, as Python's pydantic fields default them. */
final class MessageDefaults {
    private MessageDefaults() {
    }

    static String id(@Nullable String id) {
        return id != null ? id : RandomIds.uuid4();
    }

    static String source(String source) {
        return Objects.requireNonNull(source, "source");
    }

    static Map<String, String> metadata(@Nullable Map<String, String> metadata) {
        return metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    static Instant createdAt(@Nullable Instant createdAt) {
        return createdAt != null ? createdAt : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
