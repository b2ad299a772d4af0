package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link SelectorGroupChat}, as Python's {@code SelectorGroupChatConfig}.
 * The selector and candidate functions are code and have no field.
 */
@JsonPropertyOrder({"name", "description", "participants", "model_client", "termination_condition", "max_turns",
        "selector_prompt", "allow_repeated_speaker", "max_selector_attempts", "emit_team_events",
        "model_client_streaming", "model_context"})
public record SelectorGroupChatConfig(@Nullable String name, @Nullable String description,
        List<ComponentModel> participants, @Nullable ComponentModel modelClient,
        @Nullable ComponentModel terminationCondition, @Nullable Integer maxTurns, @Nullable String selectorPrompt,
        @Nullable Boolean allowRepeatedSpeaker, @Nullable Integer maxSelectorAttempts, @Nullable Boolean emitTeamEvents,
        @Nullable Boolean modelClientStreaming, @Nullable ComponentModel modelContext) {
    public SelectorGroupChatConfig {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    static SelectorGroupChatConfig of(SelectorGroupChat team) {
        return new SelectorGroupChatConfig(team.name(), team.description(), TeamComponents.dumpParticipants(team),
                team.modelClient().dumpComponent(),
                team.terminationCondition() == null ? null : team.terminationCondition().dumpComponent(),
                team.maxTurns(), team.selectorPrompt(), team.allowRepeatedSpeaker(), team.maxSelectorAttempts(),
                team.emitTeamEvents(), team.modelClientStreaming(),
                team.modelContext() == null ? null : team.modelContext().dumpComponent());
    }
}
