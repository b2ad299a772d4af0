/**
 * Teams of agents, mirroring {@code autogen_agentchat.teams}: {@link dev.autogen.agentchat.teams.RoundRobinGroupChat},
 * {@link dev.autogen.agentchat.teams.SelectorGroupChat}, {@link dev.autogen.agentchat.teams.Swarm},
 * {@link dev.autogen.agentchat.teams.GraphFlow} and {@link dev.autogen.agentchat.teams.MagenticOneGroupChat},
 * all built on {@link dev.autogen.agentchat.teams.BaseGroupChat}.
 *
 * <p>A team runs on a Core {@link dev.autogen.core.AgentRuntime}: every participant is hosted by a
 * container agent subscribed to the team's group topic, and a group chat manager agent picks who speaks.
 * Each response is published to every participant, so all share the conversation.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.teams;
