package dev.autogen.agentchat.teams.events;

/** Pauses a participant while the team runs; handled at once, even while the participant speaks. */
public record GroupChatPause() implements GroupChatEvent {
}
