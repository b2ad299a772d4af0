package dev.autogen.core;

/**
 * Creates the agent instance for one {@link AgentId}. The runtime calls it lazily, the first time a
 * message reaches an id of the factory's type, and at most once per id.
 *
 * @param <T> the agent class
 */
@FunctionalInterface
public interface AgentFactory<T extends Agent> {
    /**
     * Creates the agent.
     *
     * @param context the runtime and the id of the agent to create
     * @throws Exception any failure; the sender of the triggering message receives it
     */
    T create(AgentInstantiationContext context) throws Exception;
}
