package dev.autogen.core;

import java.util.List;

/**
 * Makes the subscriptions of an agent type when it is registered: Python's unbound subscription (the
 * callable given to {@code @subscription_factory}, or to {@code ClosureAgent.register_closure}'s
 * {@code subscriptions}). Attach one to an agent class with {@link SubscribedBy}, or give it to
 * {@link ClosureAgent.Builder#subscriptions(SubscriptionFactory)}.
 */
@FunctionalInterface
public interface SubscriptionFactory {
    /** The subscriptions for {@code context.agentType()}. */
    List<Subscription> subscriptions(SubscriptionInstantiationContext context);
}
