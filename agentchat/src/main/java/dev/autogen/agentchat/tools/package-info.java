/**
 * Tools that run agents and teams, mirroring {@code autogen_agentchat.tools}: give an
 * {@link dev.autogen.agentchat.tools.AgentTool} or a {@link dev.autogen.agentchat.tools.TeamTool} to an
 * {@code AssistantAgent} and the model can delegate a task to another agent or a whole team, whose events
 * stream into the caller's run. {@link dev.autogen.agentchat.tools.TaskRunnerTool} is the base for tools
 * over any {@link dev.autogen.agentchat.base.TaskRunner}.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.tools;
