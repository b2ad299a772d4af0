package dev.autogen.agentchat.teams.events;

/** One message of the group-chat protocol; each is written as the JSON Python's pydantic writes. */
public sealed interface GroupChatEvent permits GroupChatStart, GroupChatAgentResponse, GroupChatTeamResponse,
        GroupChatRequestPublish, GroupChatMessage, GroupChatTermination, GroupChatReset, GroupChatPause,
        GroupChatResume, GroupChatError {
}
