package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: a model wrote code to execute.
 *
 * @param retryAttempt 0 for the first generation, then 1, 2, ... for retries after errors
 * @param content the model's whole reply
 * @param codeBlocks the code blocks found in it
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "retry_attempt", "content", "code_blocks", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record CodeGenerationEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        int retryAttempt,
        String content,
        List<CodeBlock> codeBlocks) implements BaseAgentEvent {
    @JsonCreator
    public CodeGenerationEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        Objects.requireNonNull(content, "content");
        codeBlocks = List.copyOf(codeBlocks);
    }

    /** A new event with a fresh id and timestamp. */
    public CodeGenerationEvent(int retryAttempt, String content, List<CodeBlock> codeBlocks, String source,
            @Nullable RequestUsage modelsUsage) {
        this(null, source, modelsUsage, null, null, retryAttempt, content, codeBlocks);
    }

    @Override
    public String type() {
        return "CodeGenerationEvent";
    }

    @Override
    public String toText() {
        return content;
    }
}
