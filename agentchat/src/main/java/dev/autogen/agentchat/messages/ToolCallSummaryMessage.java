package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat message summarising tool calls and their results, one line per call.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "tool_calls", "results", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ToolCallSummaryMessage(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String content,
        List<FunctionCall> toolCalls,
        List<FunctionExecutionResult> results) implements BaseTextChatMessage {
    @JsonCreator
    public ToolCallSummaryMessage {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = Objects.requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
        results = List.copyOf(results);
    }

    /** A new ToolCallSummaryMessage from {@code source}, with a fresh id and timestamp and no usage. */
    public ToolCallSummaryMessage(String content, String source, List<FunctionCall> toolCalls, List<FunctionExecutionResult> results) {
        this(null, source, null, null, null, content, toolCalls, results);
    }

    /** This message with {@code usage} as its model usage. */
    public ToolCallSummaryMessage withModelsUsage(@Nullable RequestUsage usage) {
        return new ToolCallSummaryMessage(id, source, usage, metadata, createdAt, content, toolCalls, results);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public ToolCallSummaryMessage withMetadata(Map<String, String> newMetadata) {
        return new ToolCallSummaryMessage(id, source, modelsUsage, newMetadata, createdAt, content, toolCalls, results);
    }

    @Override
    public String type() {
        return "ToolCallSummaryMessage";
    }
}
