/**
 * Tools that run AgentChat task runners, mirroring {@code autogen_agentchat.tools}: {@link
 * dev.autogen.agentchat.tools.TeamTool} lets an agent's model hand a task to a whole team.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.tools;
