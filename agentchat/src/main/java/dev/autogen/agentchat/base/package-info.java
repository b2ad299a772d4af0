/**
 * The contracts of AgentChat, mirroring {@code autogen_agentchat.base}: {@link dev.autogen.agentchat.base.ChatAgent}
 * and {@link dev.autogen.agentchat.base.Team} (both {@link dev.autogen.agentchat.base.TaskRunner}s),
 * their results {@link dev.autogen.agentchat.base.Response} and {@link dev.autogen.agentchat.base.TaskResult},
 * {@link dev.autogen.agentchat.base.MessageStream} for watching a run as it happens,
 * {@link dev.autogen.agentchat.base.Handoff} and {@link dev.autogen.agentchat.base.TerminationCondition}.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.base;
