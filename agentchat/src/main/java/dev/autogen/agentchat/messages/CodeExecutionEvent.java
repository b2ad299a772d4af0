package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: code was executed with this result.
 *
 * @param retryAttempt 0 for the first execution, then 1, 2, ... for retries after errors
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "retry_attempt", "result", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record CodeExecutionEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        int retryAttempt,
        CodeResult result) implements BaseAgentEvent {
    @JsonCreator
    public CodeExecutionEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        Objects.requireNonNull(result, "result");
    }

    /** A new event with a fresh id and timestamp. */
    public CodeExecutionEvent(int retryAttempt, CodeResult result, String source) {
        this(null, source, null, null, null, retryAttempt, result);
    }

    @Override
    public String type() {
        return "CodeExecutionEvent";
    }

    /** The execution's output. */
    @Override
    public String toText() {
        return result.output();
    }
}
