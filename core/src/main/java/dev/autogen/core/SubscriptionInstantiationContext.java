package dev.autogen.core;

import java.util.Objects;

/**
 * What a {@link SubscriptionFactory} receives when an agent type's subscriptions are made: the runtime
 * and the agent type being registered, so one factory serves every type it is used for. This is the
 * explicit-argument form of Python's ambient {@code SubscriptionInstantiationContext} (whose
 * {@code agent_type()} a subscription created during registration reads), as
 * {@link AgentInstantiationContext} is for agents.
 *
 * <!-- java-context: import java.util.List; -->
 * <pre>{@code
 * SubscriptionFactory ownTopic = ctx -> List.of(
 *         new TypeSubscription("inbox-" + ctx.agentType().type(), ctx.agentType().type()),
 *         DefaultSubscription.of(ctx));
 * }</pre>
 *
 * @param runtime the runtime the agent type is registered with
 * @param agentType the agent type whose subscriptions are being made
 */
public record SubscriptionInstantiationContext(AgentRuntime runtime, AgentType agentType) {
    public SubscriptionInstantiationContext {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(agentType, "agentType");
    }
}
