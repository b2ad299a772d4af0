package dev.autogen.agentchat.teams.events;

/** Resumes a paused participant; handled at once, even while the participant speaks. */
public record GroupChatResume() implements GroupChatEvent {
}
