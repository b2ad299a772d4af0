package dev.autogen.core;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ClosureAgent}'s closure can do besides handling its message: know its id, send and
 * publish as the agent.
 */
public interface ClosureContext {
    /** The id of the agent running the closure. */
    AgentId id();

    /** Sends a direct message as this agent and waits for the reply. */
    @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable CancellationToken token);

    /** Publishes a message as this agent. */
    void publishMessage(Object message, TopicId topicId, @Nullable CancellationToken token);
}
