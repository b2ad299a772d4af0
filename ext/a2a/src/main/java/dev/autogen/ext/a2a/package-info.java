/**
 * AutoGen agents and teams over A2A (Agent2Agent), on the official A2A Java SDK: {@link
 * dev.autogen.ext.a2a.A2AAgentServer} serves any agent or team as an A2A agent (JSON-RPC over HTTP,
 * streaming by server-sent events), and {@link dev.autogen.ext.a2a.A2AAgent} is a chat agent that calls
 * a remote A2A agent, alone, in a team, or as a tool.
 */
@NullMarked
package dev.autogen.ext.a2a;

import org.jspecify.annotations.NullMarked;
