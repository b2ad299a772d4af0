package dev.autogen.agentchat.teams.events;

/** Resets a participant or the manager (a direct message, answered when done). */
public record GroupChatReset() implements GroupChatEvent {
}
