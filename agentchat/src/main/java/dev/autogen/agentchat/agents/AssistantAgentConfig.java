package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.base.Handoff;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of an {@link AssistantAgent}, field for field Python's {@code AssistantAgentConfig}
 * (component version 2: tools live in {@code workbench}; version 1's {@code tools} is still read).
 */
@JsonPropertyOrder({"name", "model_client", "tools", "workbench", "handoffs", "model_context", "memory",
        "description", "system_message", "model_client_stream", "reflect_on_tool_use", "tool_call_summary_format",
        "max_tool_iterations", "metadata"})
public record AssistantAgentConfig(
        String name,
        ComponentModel modelClient,
        @Nullable List<ComponentModel> tools,
        @Nullable List<ComponentModel> workbench,
        @Nullable List<Handoff> handoffs,
        @Nullable ComponentModel modelContext,
        @Nullable List<ComponentModel> memory,
        @Nullable String description,
        @Nullable String systemMessage,
        @Nullable Boolean modelClientStream,
        @Nullable Boolean reflectOnToolUse,
        @Nullable String toolCallSummaryFormat,
        @Nullable Integer maxToolIterations,
        @Nullable Map<String, String> metadata) {
    public AssistantAgentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelClient, "model_client");
    }
}
