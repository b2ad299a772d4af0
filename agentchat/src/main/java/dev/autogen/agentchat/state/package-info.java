/**
 * The saved states of agents and teams, mirroring {@code autogen_agentchat.state}: records whose JSON
 * equals Python's ({@code "type": "AssistantAgentState", "version": "1.0.0", ...}), so state saved by one
 * side loads on the other.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.state;
