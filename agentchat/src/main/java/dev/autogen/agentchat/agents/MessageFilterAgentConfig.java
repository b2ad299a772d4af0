package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;

/**
 * The component config of a {@link MessageFilterAgent}, as Python's {@code MessageFilterAgentConfig}.
 *
 * @param name the filtering agent's name
 * @param wrappedAgent the agent that receives the filtered messages
 * @param filter which messages it receives
 */
@JsonPropertyOrder({"name", "wrapped_agent", "filter"})
public record MessageFilterAgentConfig(@JsonProperty(required = true) String name,
        @JsonProperty(required = true) ComponentModel wrappedAgent,
        @JsonProperty(required = true) MessageFilterConfig filter) {
    public MessageFilterAgentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wrappedAgent, "wrapped_agent");
        Objects.requireNonNull(filter, "filter");
    }
}
