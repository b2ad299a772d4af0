package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: a user proxy is about to ask its user for input (emitted before the input function
 * is called, so a UI can show a prompt). {@code content} is always empty.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "request_id", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record UserInputRequestedEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String requestId,
        String content) implements BaseAgentEvent {
    @JsonCreator
    public UserInputRequestedEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        Objects.requireNonNull(requestId, "requestId");
        content = "";
    }

    /** A new event for the request {@code requestId}. */
    public UserInputRequestedEvent(String requestId, String source) {
        this(null, source, null, null, null, requestId, "");
    }

    @Override
    public String type() {
        return "UserInputRequestedEvent";
    }

    @Override
    public String toText() {
        return content;
    }
}
