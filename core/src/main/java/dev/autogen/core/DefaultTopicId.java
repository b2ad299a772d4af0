package dev.autogen.core;

/**
 * Factories for the default topic, the counterpart of Python AutoGen's {@code DefaultTopicId}: topic type
 * {@code "default"}, and as source the key of the agent whose handler is running (so agents keyed
 * by conversation publish within their conversation), or {@code "default"} outside a handler.
 *
 * <!-- java-context: record Message(int content) {} -->
 * <pre>{@code
 * final class Modifier extends RoutedAgent {
 *     Modifier(AgentInstantiationContext ctx) { super(ctx, "A modifier agent."); }
 *
 *     @Event
 *     void onNumber(Message message, MessageContext ctx) {
 *         int val = message.content() - 1;
 *         publishMessage(new Message(val), DefaultTopicId.create());   // within this agent's conversation
 *     }
 * }
 * }</pre>
 */
public final class DefaultTopicId {
    /** The topic type used by {@link DefaultSubscription} and {@link DefaultTopicId}. */
    public static final String DEFAULT_TYPE = "default";

    private DefaultTopicId() {
    }

    /** The default topic in the current context. */
    public static TopicId create() {
        return create(DEFAULT_TYPE);
    }

    /** A topic of the given type whose source is the current agent's key, or {@code "default"}. */
    public static TopicId create(String type) {
        return new TopicId(type, MessageHandlerContext.currentAgentId().map(AgentId::key).orElse("default"));
    }
}
