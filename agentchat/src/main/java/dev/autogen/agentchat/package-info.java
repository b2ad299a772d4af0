/**
 * AgentChat: the high-level API for agents and teams built on the Core runtime
 * (the counterpart of {@code autogen_agentchat}).
 */
@NullMarked
package dev.autogen.agentchat;

import org.jspecify.annotations.NullMarked;
