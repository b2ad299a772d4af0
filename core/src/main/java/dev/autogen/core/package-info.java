/**
 * AutoGen Core: an event-driven actor runtime for agents (the counterpart of {@code autogen_core}).
 *
 * <p>Start with {@link dev.autogen.core.RoutedAgent} for agents whose annotated methods handle
 * messages, and {@link dev.autogen.core.runtime.InProcessAgentRuntime} (Python AutoGen's
 * {@link dev.autogen.core.SingleThreadedAgentRuntime}) to run them. Agents are addressed by
 * {@link dev.autogen.core.AgentId} for direct messages (RPC, with a reply) and reached through
 * {@link dev.autogen.core.Subscription}s for messages published to a {@link dev.autogen.core.TopicId}.
 */
@NullMarked
package dev.autogen.core;

import org.jspecify.annotations.NullMarked;
