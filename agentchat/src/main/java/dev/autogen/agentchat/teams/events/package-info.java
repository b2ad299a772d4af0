/**
 * The messages a group chat's manager and participant containers exchange over the Core runtime,
 * with Python AutoGen's names and JSON ({@code autogen_agentchat.teams._group_chat._events}), so a
 * participant may live in another process, even in Python. Custom teams use them through
 * {@link dev.autogen.agentchat.teams.BaseGroupChatManager}.
 */
@NullMarked
package dev.autogen.agentchat.teams.events;

import org.jspecify.annotations.NullMarked;
