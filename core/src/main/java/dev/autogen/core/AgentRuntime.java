package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;
import dev.autogen.core.exceptions.MessageDroppedException;
import dev.autogen.core.exceptions.NotAccessibleException;
import dev.autogen.core.exceptions.UndeliverableException;
import dev.autogen.core.serialization.MessageSerializer;
import dev.autogen.core.serialization.SerializationRegistry;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.core.utils.TerminationSignals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Delivers messages between agents and manages their lifecycle: it creates agents from registered
 * factories when a message first reaches them, routes direct messages (RPC, with a reply) and
 * published messages (broadcast to subscriptions, no reply), and saves and restores their state.
 *
 * <p>Blocking methods are meant to be called from virtual threads; each has an {@code ...Async}
 * counterpart returning a {@link CompletableFuture}.
 *
 * @see SingleThreadedAgentRuntime the in-process implementation
 */
public interface AgentRuntime extends AutoCloseable {

    /**
     * Starts delivering messages, in the background; returns at once.
     *
     * @throws IllegalStateException if already running or closed
     */
    void start();

    /** Whether the runtime is delivering messages. */
    boolean isRunning();

    /**
     * Stops delivering messages; handlers already running finish on their own, and queued messages
     * wait for the next {@link #start()}.
     *
     * @throws IllegalStateException if not running
     */
    void stop();

    /**
     * Waits until no message is queued or being handled, then stops.
     *
     * @throws IllegalStateException if not running
     * @throws CancellationException if the waiting thread is interrupted
     */
    void stopWhenIdle();

    /**
     * Runs until the process receives SIGTERM or SIGINT (Ctrl-C), then {@link #stop()}s, as Python's
     * {@code stop_when_signal}; the program goes on after it returns (the JVM does not exit on those
     * signals meanwhile). For a worker or service that runs until it is told to stop.
     *
     * @throws InterruptedException if the waiting thread is interrupted (the runtime keeps running)
     */
    default void stopWhenSignal() throws InterruptedException {
        TerminationSignals.await();
        stop();
    }

    /**
     * Stops, fails every queued direct message, closes every agent and releases the runtime's
     * resources. Idempotent.
     */
    @Override
    void close();

    /**
     * Sends a direct message and returns a future of the recipient's reply.
     *
     * @param message the message
     * @param recipient the agent to deliver it to; created if it does not exist yet
     * @param sender the sending agent, or null when sending from outside any agent
     * @param cancellationToken cancels the call: the future completes with {@link CancellationException}
     *     and the recipient's handler is interrupted; null for none
     * @param messageId the message id, or null for a new unique one
     * @return completes with the reply, or exceptionally with the recipient's exception, an
     *     {@link UndeliverableException} (unknown type), {@link CantHandleException} or
     *     {@link MessageDroppedException}
     */
    CompletableFuture<@Nullable Object> sendMessageAsync(Object message, AgentId recipient,
            @Nullable AgentId sender, @Nullable CancellationToken cancellationToken, @Nullable String messageId);

    /** {@link #sendMessageAsync(Object, AgentId, AgentId, CancellationToken, String)} from outside any agent. */
    default CompletableFuture<@Nullable Object> sendMessageAsync(Object message, AgentId recipient) {
        return sendMessageAsync(message, recipient, null, null, null);
    }

    /**
     * Sends a direct message and waits for the reply. The recipient's exception is rethrown as it
     * is (checked exceptions wrapped in a {@link CompletionException}).
     *
     * @throws CancellationException if the token is cancelled or the calling thread is interrupted
     */
    default @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken) {
        return await(sendMessageAsync(message, recipient, sender, cancellationToken, null));
    }

    /** Sends a direct message from outside any agent and waits for the reply. */
    default @Nullable Object sendMessage(Object message, AgentId recipient) {
        return sendMessage(message, recipient, null, null);
    }

    /**
     * Sends a direct message from outside any agent and waits for a reply of the expected type.
     *
     * @throws ClassCastException if the reply is of another type
     */
    default <R> R sendMessage(Object message, AgentId recipient, Class<R> replyType) {
        return replyType.cast(sendMessage(message, recipient));
    }

    /**
     * Publishes a message to every agent subscribed to the topic, except the sender. Returns once the
     * message is queued; handlers run later and their exceptions are logged, not returned.
     *
     * @param message the message
     * @param topicId the topic
     * @param sender the publishing agent (it will not receive its own message), or null
     * @param cancellationToken passed to the handlers; null for none
     * @param messageId the message id, or null for a new unique one
     * @throws UndeliverableException if a matching subscription names an unregistered agent type
     */
    void publishMessage(Object message, TopicId topicId, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken, @Nullable String messageId);

    /** Publishes a message from outside any agent. */
    default void publishMessage(Object message, TopicId topicId) {
        publishMessage(message, topicId, null, null, null);
    }

    /**
     * Registers a factory for an agent type. Agents are created lazily, one per key. Adds no
     * subscriptions; {@link BaseAgent#register} also adds the class's declared subscriptions.
     *
     * @param type the agent type, unique in this runtime
     * @param factory creates an agent for a given id
     * @param expectedClass if not null, every created agent must be an instance of it
     * @throws IllegalArgumentException if the type is already registered
     */
    <T extends Agent> AgentType registerFactory(String type, AgentFactory<T> factory, @Nullable Class<T> expectedClass);

    /** {@link #registerFactory(String, AgentFactory, Class)} without a class check. */
    default AgentType registerFactory(String type, AgentFactory<? extends Agent> factory) {
        @SuppressWarnings("unchecked")
        AgentFactory<Agent> f = (AgentFactory<Agent>) factory;
        return registerFactory(type, f, null);
    }

    /**
     * Registers an agent created outside a factory under {@code agentId}, binding it to this
     * runtime. Several instances of one type may be registered with different keys, but a type is
     * either instance-based or factory-based.
     *
     * @throws IllegalArgumentException if the id is taken or the type has a factory
     */
    AgentId registerAgentInstance(Agent agent, AgentId agentId);

    /** Adds a subscription; published messages matching it are delivered from now on. */
    void addSubscription(Subscription subscription);

    /**
     * Removes a subscription.
     *
     * @throws IllegalArgumentException if no subscription has that id
     */
    void removeSubscription(String subscriptionId);

    /** The subscriptions in force, in the order they were added. */
    List<Subscription> subscriptions();

    /** Adds serializers, ignoring any whose type name and content type are already known. */
    void addMessageSerializer(MessageSerializer<?>... serializers);

    /**
     * Adds a shared bundle of serializers. A runtime that can keep the bundle by reference does (the
     * in-process runtime does), so code that registers the same serializers on many runtimes, such as
     * a team on each team's runtime, pays for them once; others add its serializers one by one.
     */
    default void addMessageSerializers(SerializationRegistry.Bundle bundle) {
        addMessageSerializer(bundle.serializers().toArray(MessageSerializer<?>[]::new));
    }

    /**
     * The id of an agent of {@code type} with {@code key}.
     *
     * @param lazy if false, the agent is created now if it does not exist yet
     * @throws UndeliverableException if the type is not registered
     */
    AgentId get(String type, String key, boolean lazy);

    /** The state of every agent created so far, keyed by agent id ({@code type/key}). */
    Map<String, Object> saveState();

    /** Restores state written by {@link #saveState()}, creating agents as needed. */
    void loadState(Map<String, Object> state);

    /** The state of one agent, created if needed. */
    Map<String, Object> agentSaveState(AgentId agentId);

    /** Restores the state of one agent, created if needed. */
    void agentLoadState(AgentId agentId, Map<String, Object> state);

    /** The metadata of one agent, created if needed. */
    AgentMetadata agentMetadata(AgentId agentId);

    /**
     * The agent instance behind an id, created if needed: an escape hatch for tests and for
     * frameworks built on the runtime; prefer messages.
     *
     * @throws UndeliverableException if the type is not registered
     * @throws NotAccessibleException if the agent is not a local instance
     * @throws ClassCastException if the agent is not of the given type
     */
    <T extends Agent> T tryGetUnderlyingAgentInstance(AgentId agentId, Class<T> type);

    /**
     * Waits for a future the way the blocking methods do: returns its value, rethrows the failure as
     * it is (checked exceptions wrapped in {@link CompletionException}), and turns an interrupt of
     * the waiting thread into a {@link CancellationException} with the interrupt flag kept.
     */
    static <T> T await(CompletableFuture<T> future) {
        return Concurrency.join(future, "a reply");
    }
}
