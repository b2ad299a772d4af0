package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.utils.PythonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: memory was queried and these results were added to the model context.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record MemoryQueryEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        List<MemoryContent> content) implements BaseAgentEvent {
    @JsonCreator
    public MemoryQueryEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = List.copyOf(content);
    }

    /** A new MemoryQueryEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public MemoryQueryEvent(List<MemoryContent> content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public MemoryQueryEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new MemoryQueryEvent(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public MemoryQueryEvent withMetadata(Map<String, String> newMetadata) {
        return new MemoryQueryEvent(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "MemoryQueryEvent";
    }

    @Override
    public String toText() {
        return PythonText.repr(content.stream().map(c -> new Raw(PythonText.reprObject("MemoryContent",
                "content", c.content() instanceof String s ? s : String.valueOf(c.content()),
                "mime_type", c.mimeType(), "metadata", c.metadata()))).toList());
    }
}
