package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link UserProxyAgent}, as Python's {@code UserProxyAgentConfig}. The
 * input function is code, so it is never written ({@code input_func} is always null) and a loaded
 * agent reads the console unless you build it yourself.
 *
 * @param name the agent's name
 * @param description null for {@link UserProxyAgent#DEFAULT_DESCRIPTION}
 * @param inputFunc read for compatibility and ignored
 */
@JsonPropertyOrder({"name", "description", "input_func"})
public record UserProxyAgentConfig(@JsonProperty(required = true) String name, @Nullable String description,
        @Nullable String inputFunc) {
    public UserProxyAgentConfig {
        Objects.requireNonNull(name, "name");
    }
}
