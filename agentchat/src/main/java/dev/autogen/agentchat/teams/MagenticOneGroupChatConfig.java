package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The component config of a {@link MagenticOneGroupChat}, as Python's {@code MagenticOneGroupChatConfig}. */
@JsonPropertyOrder({"name", "description", "participants", "model_client", "termination_condition", "max_turns",
        "max_stalls", "final_answer_prompt", "emit_team_events"})
public record MagenticOneGroupChatConfig(@Nullable String name, @Nullable String description,
        List<ComponentModel> participants, ComponentModel modelClient, @Nullable ComponentModel terminationCondition,
        @Nullable Integer maxTurns, @Nullable Integer maxStalls, @Nullable String finalAnswerPrompt,
        @Nullable Boolean emitTeamEvents) {
    public MagenticOneGroupChatConfig {
        participants = participants == null ? List.of() : List.copyOf(participants);
        Objects.requireNonNull(modelClient, "model_client");
    }
}
