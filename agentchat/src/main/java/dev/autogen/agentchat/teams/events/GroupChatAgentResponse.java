package dev.autogen.agentchat.teams.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.agentchat.base.Response;
import java.util.Objects;

/** A participant agent's response, published to the whole group. */
@JsonPropertyOrder({"response", "name"})
public record GroupChatAgentResponse(Response response, String name) implements GroupChatEvent {
    public GroupChatAgentResponse {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(name, "name");
    }
}
