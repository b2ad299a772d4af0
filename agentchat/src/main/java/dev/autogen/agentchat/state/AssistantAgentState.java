package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AssistantAgent}'s state: its model context, {@code {"messages": [...]}}.
 *
 * @param llmContext the model context's saved state
 */
@JsonPropertyOrder({"type", "version", "llm_context"})
public record AssistantAgentState(String type, String version, Map<String, Object> llmContext) implements AgentChatState {
    public static final String TYPE = "AssistantAgentState";

    @JsonCreator
    public AssistantAgentState(@Nullable String type, @Nullable String version, @Nullable Map<String, Object> llmContext) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.llmContext = llmContext != null ? Map.copyOf(llmContext) : Map.of("messages", java.util.List.of());
    }

    /** The state holding {@code llmContext}. */
    public static AssistantAgentState of(Map<String, Object> llmContext) {
        return new AssistantAgentState(TYPE, VERSION, llmContext);
    }
}
