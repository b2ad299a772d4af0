/**
 * The preset agents of AgentChat, mirroring {@code autogen_agentchat.agents}:
 * {@link dev.autogen.agentchat.agents.AssistantAgent} (a model with tools, handoffs, memory and
 * structured output), {@link dev.autogen.agentchat.agents.UserProxyAgent} (a human),
 * {@link dev.autogen.agentchat.agents.CodeExecutorAgent}, {@link dev.autogen.agentchat.agents.MessageFilterAgent},
 * and {@link dev.autogen.agentchat.agents.BaseChatAgent} to write your own.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.agents;
