package dev.autogen.agentchat.teams.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.base.TaskResult;
import java.util.Objects;

/** A participant team's result, published to the whole group. */
@JsonPropertyOrder({"result", "name"})
public record GroupChatTeamResponse(TaskResult result, String name) implements GroupChatEvent {
    public GroupChatTeamResponse {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(name, "name");
    }
}
