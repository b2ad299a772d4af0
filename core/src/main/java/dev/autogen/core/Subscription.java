package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;

/**
 * Decides which agent receives a message published to a topic. The runtime asks every
 * subscription whether it {@linkplain #isMatch matches} the topic and, if so, which agent
 * {@linkplain #mapToAgent it maps to}; each agent found receives the message once.
 *
 * <p>Implementations must be immutable and cheap: they are consulted on every publish.
 */
public interface Subscription {
    /** A unique id, used to {@linkplain AgentRuntime#removeSubscription remove} it. */
    String id();

    /** Whether a message published to {@code topicId} concerns this subscription. */
    boolean isMatch(TopicId topicId);

    /**
     * The agent that receives a message published to {@code topicId}.
     *
     * @throws CantHandleException if the topic does not {@linkplain #isMatch match}
     */
    AgentId mapToAgent(TopicId topicId);

    /** The agent type this subscription delivers to. */
    String agentType();
}
