package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent made of one function, for small jobs such as collecting a team's output or relaying
 * messages to a queue. The closure receives messages of one type; other messages are handled by
 * the {@link UnknownTypePolicy}.
 *
 * <!-- java-context: import java.util.concurrent.LinkedBlockingQueue; AgentRuntime runtime;
 *      record Result(String text) {} -->
 * <pre>{@code
 * var results = new LinkedBlockingQueue<Result>();
 * ClosureAgent.builder("collector", Result.class, (ctx, result, mctx) -> { results.add(result); return null; })
 *         .subscriptions(() -> List.of(new DefaultSubscription("collector")))
 *         .register(runtime);
 * }</pre>
 */
public final class ClosureAgent extends BaseAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ClosureAgent.class);

    private final Class<?> messageType;
    private final Closure<Object> closure;
    private final UnknownTypePolicy unknownTypePolicy;
    private final ClosureContext closureContext = new ClosureContext() {
        @Override
        public AgentId id() {
            return ClosureAgent.this.id();
        }

        @Override
        public @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable CancellationToken token) {
            return ClosureAgent.this.sendMessage(message, recipient, token);
        }

        @Override
        public void publishMessage(Object message, TopicId topicId, @Nullable CancellationToken token) {
            ClosureAgent.this.publishMessage(message, topicId, token);
        }
    };

    private ClosureAgent(AgentInstantiationContext context, String description, Class<?> messageType,
            Closure<Object> closure, UnknownTypePolicy unknownTypePolicy) {
        super(context, description);
        this.messageType = messageType;
        this.closure = closure;
        this.unknownTypePolicy = unknownTypePolicy;
    }

    /**
     * Starts building a closure agent type.
     *
     * @param type the agent type to register
     * @param messageType the type of message the closure handles
     * @param closure the function run for each message
     */
    public static <T> Builder<T> builder(String type, Class<T> messageType, Closure<? super T> closure) {
        return new Builder<>(type, messageType, closure);
    }

    @Override
    protected @Nullable Object onMessageImpl(Object message, MessageContext context) throws Exception {
        if (!messageType.isInstance(message)) {
            switch (unknownTypePolicy) {
                case ERROR -> throw new CantHandleException("closure agent " + id() + " handles "
                        + messageType.getName() + ", not " + message.getClass().getName());
                case WARN -> LOG.warn("closure agent {} ignored a {}: it handles {}", id(),
                        message.getClass().getName(), messageType.getName());
                case IGNORE -> { }
            }
            return null;
        }
        return closure.handle(closureContext, message, context);
    }

    /**
     * The function of a closure agent.
     *
     * @param <T> the message type
     */
    @FunctionalInterface
    public interface Closure<T> {
        /**
         * Handles one message.
         *
         * @return the reply to a direct message; ignored for published ones
         */
        @Nullable Object handle(ClosureContext agent, T message, MessageContext context) throws Exception;
    }

    /** What a closure agent does with a message that is not of its type. */
    public enum UnknownTypePolicy {
        /** Fail with {@link CantHandleException}. */
        ERROR,
        /** Log a warning and ignore it (the default, as in Python). */
        WARN,
        /** Ignore it silently. */
        IGNORE
    }

    /**
     * Registers a closure agent type with a runtime.
     *
     * @param <T> the message type
     */
    public static final class Builder<T> {
        private final String type;
        private final Class<T> messageType;
        private final Closure<? super T> closure;
        private String description = "";
        private UnknownTypePolicy unknownTypePolicy = UnknownTypePolicy.WARN;
        private SubscriptionFactory subscriptions = ctx -> List.of();
        private boolean skipDirectMessageSubscription;

        private Builder(String type, Class<T> messageType, Closure<? super T> closure) {
            this.type = Objects.requireNonNull(type, "type");
            this.messageType = Objects.requireNonNull(messageType, "messageType");
            this.closure = Objects.requireNonNull(closure, "closure");
        }

        /** What the agent does. */
        public Builder<T> description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** What to do with messages of other types; {@link UnknownTypePolicy#WARN} by default. */
        public Builder<T> unknownTypePolicy(UnknownTypePolicy policy) {
            this.unknownTypePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The subscriptions to add for the type when it is registered. */
        public Builder<T> subscriptions(Supplier<List<Subscription>> subscriptions) {
            Objects.requireNonNull(subscriptions, "subscriptions");
            this.subscriptions = ctx -> subscriptions.get();
            return this;
        }

        /**
         * The subscriptions to add for the type when it is registered, made knowing the type:
         * {@code .subscriptions(ctx -> List.of(DefaultSubscription.of(ctx)))}.
         */
        public Builder<T> subscriptions(SubscriptionFactory subscriptions) {
            this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
            return this;
        }

        /** Whether to skip the {@code "<type>:"} prefix subscription for directly published messages. */
        public Builder<T> skipDirectMessageSubscription(boolean skip) {
            this.skipDirectMessageSubscription = skip;
            return this;
        }

        /**
         * Registers the type and its subscriptions.
         *
         * @throws IllegalArgumentException if the type is already registered
         */
        @SuppressWarnings("unchecked")
        public AgentType register(AgentRuntime runtime) {
            Closure<Object> untyped = (Closure<Object>) closure;
            AgentType agentType = runtime.registerFactory(type,
                    ctx -> new ClosureAgent(ctx, description, messageType, untyped, unknownTypePolicy), ClosureAgent.class);
            var context = new SubscriptionInstantiationContext(runtime, agentType);
            for (Subscription subscription : BaseAgent.subscriptionsOf(subscriptions, "of closure agent '" + type + "'",
                    context)) {
                runtime.addSubscription(subscription);
            }
            if (!skipDirectMessageSubscription) {
                runtime.addSubscription(new TypePrefixSubscription(type + ":", type));
            }
            return agentType;
        }
    }
}
