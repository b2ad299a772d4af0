package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code CodeExecutorAgent}'s state: its model context, {@code {"messages": [...]}}, shaped like
 * {@link AssistantAgentState}. Java only; Python saves a bare {@code BaseState} for this agent and loads
 * anything without looking at it.
 *
 * @param llmContext the model context's saved state
 */
@JsonPropertyOrder({"type", "version", "llm_context"})
public record CodeExecutorAgentState(String type, String version, Map<String, Object> llmContext)
        implements AgentChatState {
    public static final String TYPE = "CodeExecutorAgentState";

    @JsonCreator
    public CodeExecutorAgentState(@Nullable String type, @Nullable String version,
            @Nullable Map<String, Object> llmContext) {
        this.type = TYPE;
        this.version = version != null ? version : VERSION;
        this.llmContext = llmContext != null ? Collections.unmodifiableMap(new LinkedHashMap<>(llmContext))
                : Map.of("messages", List.of());
    }

    /** The state holding {@code llmContext}. */
    public static CodeExecutorAgentState of(Map<String, Object> llmContext) {
        return new CodeExecutorAgentState(TYPE, VERSION, llmContext);
    }
}
