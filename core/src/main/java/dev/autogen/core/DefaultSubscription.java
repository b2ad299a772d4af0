package dev.autogen.core;

/**
 * A {@link TypeSubscription} to the {@code "default"} topic type, matching {@link DefaultTopicId}.
 * This is what Python AutoGen's {@code @default_subscription} decorator (here {@link DefaultSubscribed})
 * adds for an agent type.
 */
public final class DefaultSubscription extends TypeSubscription {
    /** Subscribes {@code agentType} to the {@code "default"} topic type. */
    public DefaultSubscription(String agentType) {
        super(DefaultTopicId.DEFAULT_TYPE, agentType);
    }

    /**
     * Subscribes the agent type being registered to the {@code "default"} topic type: Python's
     * {@code DefaultSubscription()} created inside a subscription factory.
     */
    public static DefaultSubscription of(SubscriptionInstantiationContext context) {
        return new DefaultSubscription(context.agentType().type());
    }

    /** Subscribes {@code agentType} to another topic type, for agents on a named default topic. */
    public DefaultSubscription(String topicType, String agentType) {
        super(topicType, agentType);
    }
}
