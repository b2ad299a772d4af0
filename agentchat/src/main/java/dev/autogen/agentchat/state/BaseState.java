package dev.autogen.agentchat.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The state of something with nothing to save, e.g. {@code {"type": "BaseState", "version": "1.0.0"}}. */
@JsonPropertyOrder({"type", "version"})
public record BaseState(String type, String version) implements AgentChatState {
    /** A state of type {@code type} at the current version. */
    public static BaseState of(String type) {
        return new BaseState(type, VERSION);
    }
}
