package dev.autogen.agentchat.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;

/**
 * The component config of an {@link AgentTool}, as Python's {@code AgentToolConfig}.
 *
 * @param agent the agent that runs the tasks
 * @param returnValueAsLastMessage whether the model gets only the last message's text
 */
@JsonPropertyOrder({"agent", "return_value_as_last_message"})
public record AgentToolConfig(@JsonProperty(required = true) ComponentModel agent, boolean returnValueAsLastMessage) {
    public AgentToolConfig {
        Objects.requireNonNull(agent, "agent");
    }
}
