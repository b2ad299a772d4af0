package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.utils.PythonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: the model asked for these tool calls.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ToolCallRequestEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        List<FunctionCall> content) implements BaseAgentEvent {
    @JsonCreator
    public ToolCallRequestEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = List.copyOf(content);
    }

    /** A new ToolCallRequestEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public ToolCallRequestEvent(List<FunctionCall> content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public ToolCallRequestEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new ToolCallRequestEvent(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public ToolCallRequestEvent withMetadata(Map<String, String> newMetadata) {
        return new ToolCallRequestEvent(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "ToolCallRequestEvent";
    }

    @Override
    public String toText() {
        return PythonText.repr(content.stream().map(ToolCallRequestEvent::repr).map(Raw::new).toList());
    }

    static String repr(FunctionCall call) {
        return PythonText.reprObject("FunctionCall", "id", call.id(), "arguments", call.arguments(), "name", call.name());
    }
}
