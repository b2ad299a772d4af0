package dev.autogen.agentchat.teams.events;

/** Asks the participant it is published to to speak. */
public record GroupChatRequestPublish() implements GroupChatEvent {
}
