package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.utils.PythonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: these tool calls ran, with these results.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ToolCallExecutionEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        List<FunctionExecutionResult> content) implements BaseAgentEvent {
    @JsonCreator
    public ToolCallExecutionEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = List.copyOf(content);
    }

    /** A new ToolCallExecutionEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public ToolCallExecutionEvent(List<FunctionExecutionResult> content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public ToolCallExecutionEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new ToolCallExecutionEvent(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public ToolCallExecutionEvent withMetadata(Map<String, String> newMetadata) {
        return new ToolCallExecutionEvent(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "ToolCallExecutionEvent";
    }

    @Override
    public String toText() {
        return PythonText.repr(content.stream().map(ToolCallExecutionEvent::repr).map(Raw::new).toList());
    }

    static String repr(FunctionExecutionResult r) {
        return PythonText.reprObject("FunctionExecutionResult", "content", r.content(), "name", r.name(),
                "call_id", r.callId(), "is_error", r.isError());
    }
}
