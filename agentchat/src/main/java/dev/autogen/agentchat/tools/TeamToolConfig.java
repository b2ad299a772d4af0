package dev.autogen.agentchat.tools;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link TeamTool}, as Python's {@code TeamToolConfig}. */
@JsonPropertyOrder({"name", "description", "team", "return_value_as_last_message"})
public record TeamToolConfig(String name, String description, ComponentModel team,
        @Nullable Boolean returnValueAsLastMessage) {
    public TeamToolConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(team, "team");
    }
}
