package dev.autogen.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base class for agents: holds the id, runtime and description, and gives handlers short ways to
 * send and publish as this agent. Subclasses implement {@link #onMessageImpl}; most extend
 * {@link RoutedAgent} instead, which dispatches to annotated methods.
 *
 * <p>Register an agent class with {@link #register}, which also adds the subscriptions the class
 * declares with {@link DefaultSubscribed} and {@link TypeSubscribed}.
 */
public abstract class BaseAgent implements Agent {
    private final String description;
    private @Nullable AgentId id;
    private @Nullable AgentRuntime runtime;

    /** For agents created by a factory: bound to the context's id and runtime at once. */
    protected BaseAgent(AgentInstantiationContext context, String description) {
        this(description);
        bindIdAndRuntime(context.agentId(), context.runtime());
    }

    /** For agents created outside a factory and passed to {@link AgentRuntime#registerAgentInstance}. */
    protected BaseAgent(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final AgentId id() {
        if (id == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is not bound to a runtime yet: create it in a factory or register it with registerAgentInstance");
        }
        return id;
    }

    /** The runtime this agent lives in. */
    public final AgentRuntime runtime() {
        if (runtime == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is not bound to a runtime yet: create it in a factory or register it with registerAgentInstance");
        }
        return runtime;
    }

    /** What the agent does. */
    public final String description() {
        return description;
    }

    @Override
    public final AgentMetadata metadata() {
        AgentId agentId = id();
        return new AgentMetadata(agentId.type(), agentId.key(), description);
    }

    @Override
    public final void bindIdAndRuntime(AgentId id, AgentRuntime runtime) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runtime, "runtime");
        if (this.id != null && (!this.id.equals(id) || this.runtime != runtime)) {
            throw new IllegalStateException("agent " + this.id + " is already bound; it cannot become " + id);
        }
        this.id = id;
        this.runtime = runtime;
    }

    @Override
    public final @Nullable Object onMessage(Object message, MessageContext context) throws Exception {
        return onMessageImpl(message, context);
    }

    /**
     * Handles one message; see {@link Agent#onMessage}.
     *
     * @throws Exception any failure; for a direct message it reaches the sender unchanged
     */
    protected abstract @Nullable Object onMessageImpl(Object message, MessageContext context) throws Exception;

    /** Sends a direct message as this agent and waits for the reply. */
    protected final @Nullable Object sendMessage(Object message, AgentId recipient) {
        return sendMessage(message, recipient, (CancellationToken) null);
    }

    /**
     * Sends a direct message as this agent and waits for a reply of the expected type.
     *
     * <!-- java-context: record Ping(int seq) {} record Pong(int seq) {} -->
     * <pre>{@code
     * final class Caller extends RoutedAgent {
     *     Caller(AgentInstantiationContext ctx) { super(ctx, "Asks the echo agent."); }
     *
     *     @Event
     *     void onPing(Ping ping, MessageContext ctx) {
     *         Pong pong = sendMessage(new Ping(ping.seq() + 1), AgentId.of("echo"), Pong.class);
     *     }
     * }
     * }</pre>
     *
     * @throws ClassCastException naming both types, if the reply is of another type
     */
    protected final <R> R sendMessage(Object message, AgentId recipient, Class<R> replyType) {
        return sendMessage(message, recipient, null, replyType);
    }

    /**
     * Sends a direct message as this agent, cancellable with {@code token}, and waits for a reply of the
     * expected type.
     *
     * @throws ClassCastException naming both types, if the reply is of another type
     */
    protected final <R> R sendMessage(Object message, AgentId recipient, @Nullable CancellationToken token,
            Class<R> replyType) {
        Objects.requireNonNull(replyType, "replyType");
        Object reply = sendMessage(message, recipient, token);
        if (reply != null && !replyType.isInstance(reply)) {
            throw new ClassCastException("agent " + recipient + " replied with a " + reply.getClass().getName()
                    + " to a " + message.getClass().getSimpleName() + ", not a " + replyType.getName());
        }
        return replyType.cast(reply);
    }

    /** Sends a direct message as this agent, cancellable with {@code token}, and waits for the reply. */
    protected final @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable CancellationToken token) {
        return runtime().sendMessage(message, recipient, id(), token);
    }

    /** Publishes a message as this agent; this agent does not receive it. */
    protected final void publishMessage(Object message, TopicId topicId) {
        publishMessage(message, topicId, null);
    }

    /** Publishes a message as this agent, passing {@code token} to the handlers. */
    protected final void publishMessage(Object message, TopicId topicId, @Nullable CancellationToken token) {
        runtime().publishMessage(message, topicId, id(), token, null);
    }

    /**
     * Registers an agent class: its factory, the subscriptions its {@link DefaultSubscribed} and
     * {@link TypeSubscribed} annotations declare, and a subscription to topics of type
     * {@code "<type>:"} for messages published directly to it.
     *
     * <!-- java-context: import java.util.function.IntPredicate; AgentRuntime runtime;
     *      class Checker extends RoutedAgent {
     *          Checker(AgentInstantiationContext ctx, IntPredicate runUntil) { super(ctx, "A checker agent."); }
     *      } -->
     * <pre>{@code
     * BaseAgent.register(runtime, "checker", Checker.class, ctx -> new Checker(ctx, x -> x <= 1));
     * }</pre>
     *
     * @throws IllegalArgumentException if the type is already registered
     */
    public static <T extends Agent> AgentType register(AgentRuntime runtime, String type, Class<T> agentClass,
            AgentFactory<T> factory) {
        return register(runtime, type, agentClass, factory, false, false);
    }

    /**
     * {@link #register(AgentRuntime, String, Class, AgentFactory)} with Python AutoGen's
     * {@code skip_class_subscriptions} and {@code skip_direct_message_subscription} switches.
     */
    public static <T extends Agent> AgentType register(AgentRuntime runtime, String type, Class<T> agentClass,
            AgentFactory<T> factory, boolean skipClassSubscriptions, boolean skipDirectMessageSubscription) {
        AgentType agentType = runtime.registerFactory(type, factory, agentClass);
        if (!skipClassSubscriptions) {
            var context = new SubscriptionInstantiationContext(runtime, agentType);
            for (Subscription subscription : declaredSubscriptions(agentClass, context)) {
                runtime.addSubscription(subscription);
            }
        }
        if (!skipDirectMessageSubscription) {
            runtime.addSubscription(new TypePrefixSubscription(type + ":", type));
        }
        return agentType;
    }

    /**
     * The subscriptions an agent class declares with {@link DefaultSubscribed} and {@link TypeSubscribed},
     * for agents of {@code agentType}. Without a runtime, {@link SubscribedBy} factories are not asked;
     * {@link #declaredSubscriptions(Class, SubscriptionInstantiationContext)} asks them too.
     */
    public static List<Subscription> declaredSubscriptions(Class<?> agentClass, String agentType) {
        return annotated(agentClass, agentType);
    }

    /**
     * Every subscription an agent class declares for the agent type of {@code context}: those of its
     * {@link DefaultSubscribed} and {@link TypeSubscribed} annotations, then those its {@link SubscribedBy}
     * factories make.
     *
     * @throws IllegalStateException if a factory cannot be created, fails or returns no list, naming it
     */
    public static List<Subscription> declaredSubscriptions(Class<?> agentClass, SubscriptionInstantiationContext context) {
        String agentType = context.agentType().type();
        List<Subscription> subscriptions = annotated(agentClass, agentType);
        for (SubscribedBy by : agentClass.getAnnotationsByType(SubscribedBy.class)) {
            subscriptions.addAll(make(by.value(), agentClass, context));
        }
        return subscriptions;
    }

    /** What {@code factory} makes for {@code context}, with failures naming the factory and agent type. */
    static List<Subscription> subscriptionsOf(SubscriptionFactory factory, String factoryName,
            SubscriptionInstantiationContext context) {
        List<Subscription> made;
        try {
            made = factory.subscriptions(context);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the subscription factory " + factoryName + " failed for agent type '"
                    + context.agentType().type() + "': " + e.getMessage(), e);
        }
        if (made == null || made.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalStateException("the subscription factory " + factoryName + " returned "
                    + (made == null ? "no list" : "a null subscription") + " for agent type '"
                    + context.agentType().type() + "'");
        }
        return made;
    }

    private static List<Subscription> make(Class<? extends SubscriptionFactory> factoryClass, Class<?> agentClass,
            SubscriptionInstantiationContext context) {
        SubscriptionFactory factory;
        try {
            var constructor = factoryClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            factory = constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : e;
            throw new IllegalStateException("@SubscribedBy(" + factoryClass.getSimpleName() + ") on "
                    + agentClass.getSimpleName() + ": cannot create the factory; it needs a no-argument constructor ("
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()) + ")", cause);
        }
        return subscriptionsOf(factory, factoryClass.getSimpleName() + " (@SubscribedBy on "
                + agentClass.getSimpleName() + ")", context);
    }

    private static List<Subscription> annotated(Class<?> agentClass, String agentType) {
        List<Subscription> subscriptions = new ArrayList<>();
        DefaultSubscribed defaults = agentClass.getAnnotation(DefaultSubscribed.class);
        if (defaults != null) {
            subscriptions.add(new DefaultSubscription(defaults.topicType(), agentType));
        }
        for (TypeSubscribed typed : agentClass.getAnnotationsByType(TypeSubscribed.class)) {
            subscriptions.add(new TypeSubscription(typed.value(), agentType));
        }
        return subscriptions;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (id == null ? "unbound" : id) + "]";
    }
}
