package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link SocietyOfMindAgent}, field for field Python's {@code SocietyOfMindAgentConfig}. */
@JsonPropertyOrder({"name", "team", "model_client", "description", "instruction", "response_prompt", "model_context"})
public record SocietyOfMindAgentConfig(String name, ComponentModel team, ComponentModel modelClient,
        @Nullable String description, @Nullable String instruction, @Nullable String responsePrompt,
        @Nullable ComponentModel modelContext) {
    public SocietyOfMindAgentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(modelClient, "model_client");
    }
}
