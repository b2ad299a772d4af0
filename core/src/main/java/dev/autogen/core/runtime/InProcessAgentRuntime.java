package dev.autogen.core.runtime;

import dev.autogen.core.Agent;
import dev.autogen.core.AgentFactory;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.AgentMetadata;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.AgentType;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.DropMessage;
import dev.autogen.core.Intervention;
import dev.autogen.core.InterventionHandler;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RoutedAgent;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.core.exceptions.AgentConstructionException;
import dev.autogen.core.exceptions.MessageDroppedException;
import dev.autogen.core.exceptions.UndeliverableException;
import dev.autogen.core.internal.HandlerTable;
import dev.autogen.core.logging.DeliveryStage;
import dev.autogen.core.logging.MessageKind;
import dev.autogen.core.serialization.MessageSerializer;
import dev.autogen.core.serialization.SerializationRegistry;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.core.utils.RandomIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process agent runtime: every agent lives in this JVM, and handlers run on virtual threads.
 * Each agent has a mailbox and handles one message at a time (unless it
 * {@linkplain Agent#handlesMessagesConcurrently opts in}), while different agents run in parallel.
 * Python AutoGen calls it {@link SingleThreadedAgentRuntime}; that name is kept as a subclass.
 *
 * <!-- java-context: import java.util.function.IntUnaryOperator; import java.util.function.IntPredicate;
 *      record Message(int content) {}
 *      class Modifier extends RoutedAgent {
 *          Modifier(AgentInstantiationContext ctx, IntUnaryOperator modify) { super(ctx, "A modifier agent."); }
 *      }
 *      class Checker extends RoutedAgent {
 *          Checker(AgentInstantiationContext ctx, IntPredicate runUntil) { super(ctx, "A checker agent."); }
 *      } -->
 * <pre>{@code
 * try (var runtime = new InProcessAgentRuntime()) {
 *     BaseAgent.register(runtime, "modifier", Modifier.class, ctx -> new Modifier(ctx, x -> x - 1));
 *     BaseAgent.register(runtime, "checker", Checker.class, ctx -> new Checker(ctx, x -> x <= 1));
 *     runtime.start();
 *     runtime.sendMessage(new Message(10), AgentId.of("checker"));
 *     runtime.stopWhenIdle();
 * }
 * }</pre>
 *
 * <p>Lifecycle: messages sent before {@link #start()} wait in their mailboxes. {@link #stop()} stops
 * handing out messages (handlers already running finish; queued messages wait for the next
 * {@code start()}), {@link #stopWhenIdle()} first waits until no message is queued or being handled,
 * {@link #stopWhen} until a condition holds. {@link #close()} stops, fails every queued direct
 * message with {@link CancellationException}, and closes the agents.
 *
 * <p>A blocking {@link #sendMessage} to an agent that is idle, with nothing queued, runs the handler
 * on the calling thread, which would otherwise only wait: this saves two thread wake-ups per call
 * (for a platform thread, two OS-thread wake-ups). The agent still handles one message at a time, in
 * order. Asynchronous sends and published messages always go through the mailbox.
 *
 * <p>A handler that sends a direct message to its own agent and waits for the reply would wait
 * forever; the runtime refuses such a call with an {@link IllegalStateException}. Two agents that
 * wait on each other's replies deadlock the same way; use publish or asynchronous sends for that.
 *
 * <p>Thread-safe.
 */
public class InProcessAgentRuntime implements AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessAgentRuntime.class);
    private static final int RECIPIENT_CACHE_LIMIT = 10_000;

    private final List<InterventionHandler> interventionHandlers;
    private final boolean ignoreUnhandledExceptions;
    private final RuntimeListener.Factory listenerFactory;
    /**
     * Delivery threads: one virtual thread per drain of a mailbox, started directly rather than through
     * a thread-per-task executor, whose registry of live threads costs a map insertion and removal per
     * message; nothing waits for these threads, and a closed runtime schedules no more of them.
     */
    private static final ThreadFactory DELIVERY_THREADS = Thread.ofVirtual().name("autogen-agent").factory();
    /** The first size of the per-runtime maps: a team's runtime holds three agents; they grow as needed. */
    private static final int SMALL_MAP = 4;
    private final SerializationRegistry serializers = new SerializationRegistry();
    private final RuntimeEventLog events = new RuntimeEventLog(serializers);

    private final ConcurrentHashMap<String, TypeRegistration> types = new ConcurrentHashMap<>(SMALL_MAP);
    private final ConcurrentHashMap<AgentId, AgentCell> cells = new ConcurrentHashMap<>(SMALL_MAP);
    private final Object subscriptionLock = new Object();
    private volatile List<Subscription> subscriptions = List.of();
    private final ConcurrentHashMap<TopicId, AgentCell[]> recipientCache = new ConcurrentHashMap<>(SMALL_MAP);

    private volatile boolean running;
    private volatile boolean closed;
    private final AtomicLong outstanding = new AtomicLong();
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progress = progressLock.newCondition();
    private volatile int progressWaiters;
    private final AtomicReference<@Nullable Throwable> unhandledException = new AtomicReference<>();

    /** A runtime with no intervention handlers that logs (and otherwise ignores) handler exceptions of published messages. */
    public InProcessAgentRuntime() {
        this(builder());
    }

    /** A runtime configured by {@code builder}. */
    protected InProcessAgentRuntime(Builder builder) {
        this.interventionHandlers = List.copyOf(builder.interventionHandlers);
        this.ignoreUnhandledExceptions = builder.ignoreUnhandledExceptions;
        this.listenerFactory = builder.listenerFactory;
    }

    /** A builder for a runtime with intervention handlers or strict exception handling. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts delivering messages, in the background; returns at once.
     *
     * @throws IllegalStateException if already running or closed
     */
    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("the runtime is closed; create a new one");
        }
        if (running) {
            throw new IllegalStateException("the runtime is already running");
        }
        running = true;
        for (AgentCell cell : cells.values()) {
            cell.schedule();
        }
    }

    /** Whether the runtime is delivering messages. */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops delivering messages; handlers already running finish on their own, and queued messages
     * wait for the next {@link #start()}.
     *
     * @throws IllegalStateException if not running
     * @throws RuntimeException the first exception a published message's handler threw, if the
     *     runtime was built with {@code ignoreUnhandledExceptions(false)}
     */
    @Override
    public void stop() {
        if (!running) {
            throw new IllegalStateException("the runtime is not running");
        }
        running = false;
        signalProgress();
        rethrowUnhandled();
    }

    /**
     * Waits until no message is queued or being handled, then stops.
     *
     * @throws IllegalStateException if not running
     * @throws CancellationException if the waiting thread is interrupted
     */
    @Override
    public void stopWhenIdle() {
        stopWhen(() -> outstanding.get() == 0);
    }

    /**
     * Waits until {@code condition} holds, then stops. The condition is checked now and after every
     * message handled; it must be fast and must not throw.
     *
     * @throws IllegalStateException if not running
     * @throws CancellationException if the waiting thread is interrupted
     */
    public void stopWhen(BooleanSupplier condition) {
        if (!running) {
            throw new IllegalStateException("the runtime is not running; call start() first");
        }
        progressLock.lock();
        try {
            progressWaiters++;
            while (running && !condition.getAsBoolean() && unhandledException.get() == null) {
                progress.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the runtime to stop");
        } finally {
            progressWaiters--;
            progressLock.unlock();
        }
        if (running) {
            stop();
        } else {
            rethrowUnhandled();
        }
    }

    /**
     * Stops, fails every queued direct message with {@link CancellationException}, closes every
     * agent and releases the runtime's threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        signalProgress();
        for (AgentCell cell : cells.values()) {
            for (Envelope e = cell.pollQueued(); e != null; e = cell.pollQueued()) {
                if (e instanceof Envelope.Send send) {
                    send.reply().completeExceptionally(new CancellationException("the runtime was closed"));
                }
                outstanding.decrementAndGet();
            }
        }
        for (AgentCell cell : sortedCells()) {
            if (cell.isInstantiated()) {
                try {
                    cell.agent().close();
                } catch (Exception e) {
                    LOG.warn("closing agent {} failed", cell.id, e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- registration

    @Override
    public <T extends Agent> AgentType registerFactory(String type, AgentFactory<T> factory,
            @Nullable Class<T> expectedClass) {
        Objects.requireNonNull(factory, "factory");
        AgentType agentType = new AgentType(new AgentId(type, "default").type());
        if (expectedClass != null && RoutedAgent.class.isAssignableFrom(expectedClass)) {
            HandlerTable.of(expectedClass);
        }
        TypeRegistration previous = types.putIfAbsent(type, new TypeRegistration(factory, expectedClass));
        if (previous != null) {
            throw new IllegalArgumentException("agent type '" + type + "' is already registered with this runtime");
        }
        return agentType;
    }

    @Override
    public AgentId registerAgentInstance(Agent agent, AgentId agentId) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(agentId, "agentId");
        TypeRegistration registration = types.computeIfAbsent(agentId.type(), t -> TypeRegistration.INSTANCES);
        if (registration != TypeRegistration.INSTANCES) {
            throw new IllegalArgumentException("agent type '" + agentId.type()
                    + "' is registered with a factory; instances can only be registered for types without one");
        }
        agent.bindIdAndRuntime(agentId, agentsRuntime());
        AgentCell previous = cells.putIfAbsent(agentId, new AgentCell(agentId, this, agent));
        if (previous != null) {
            throw new IllegalArgumentException("an agent is already registered as " + agentId);
        }
        return agentId;
    }

    @Override
    public void addSubscription(Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        synchronized (subscriptionLock) {
            for (Subscription existing : subscriptions) {
                if (existing.id().equals(subscription.id()) || existing.equals(subscription)) {
                    throw new IllegalArgumentException("subscription already exists: " + subscription);
                }
            }
            List<Subscription> updated = new ArrayList<>(subscriptions);
            updated.add(subscription);
            subscriptions = List.copyOf(updated);
            recipientCache.clear();
        }
    }

    @Override
    public void removeSubscription(String subscriptionId) {
        synchronized (subscriptionLock) {
            List<Subscription> updated = new ArrayList<>(subscriptions);
            if (!updated.removeIf(s -> s.id().equals(subscriptionId))) {
                throw new IllegalArgumentException("no subscription with id '" + subscriptionId + "'");
            }
            subscriptions = List.copyOf(updated);
            recipientCache.clear();
        }
    }

    @Override
    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    @Override
    public void addMessageSerializer(MessageSerializer<?>... serializers) {
        this.serializers.add(serializers);
    }

    @Override
    public void addMessageSerializers(SerializationRegistry.Bundle bundle) {
        serializers.add(bundle);
    }

    /** The serializers added to this runtime, for runtimes that move messages across processes. */
    public SerializationRegistry serializers() {
        return serializers;
    }

    // ---------------------------------------------------------------- messaging

    @Override
    public CompletableFuture<@Nullable Object> sendMessageAsync(Object message, AgentId recipient,
            @Nullable AgentId sender, @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        return send(message, recipient, sender, cancellationToken, messageId, MessageHandlerContext.current(), false);
    }

    /**
     * Queues a direct message, or, if {@code mayHandleHere} and the recipient is idle with an empty
     * mailbox, handles it on the calling thread, which is about to wait for the reply anyway: that
     * saves two thread wake-ups, which cost a platform thread more than the whole round trip.
     */
    private CompletableFuture<@Nullable Object> send(Object message, AgentId recipient, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken, @Nullable String messageId,
            MessageHandlerContext.@Nullable Frame current, boolean mayHandleHere) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recipient, "recipient");
        checkOpen();
        CancellationToken token = cancellationToken != null ? cancellationToken : new CancellationToken();
        RuntimeListener listener = listenerFor(current, message);
        Map<String, String> metadata = metadataFor(current, listener);
        Object sent = message;
        if (listener != RuntimeListener.NONE) {
            listener.messageSendStart(message, recipient, sender, metadata);
        }
        MessageContext context = new MessageContext(Optional.ofNullable(sender), Optional.empty(), true, token,
                messageId != null ? messageId : newMessageId(), metadata);
        events.message(MessageKind.DIRECT, DeliveryStage.SEND, message, sender, recipient);
        for (InterventionHandler handler : interventionHandlers) {
            Intervention verdict = handler.onSend(message, context, recipient);
            if (verdict instanceof DropMessage drop) {
                events.dropped(MessageKind.DIRECT, message, sender, recipient);
                return sendFailed(listener, sent, recipient, new MessageDroppedException("direct message "
                        + message.getClass().getSimpleName() + " to " + recipient + " was dropped: " + drop.reason()));
            }
            message = replacement(verdict, handler);
        }
        AgentCell cell;
        try {
            cell = cellFor(recipient);
        } catch (UndeliverableException e) {
            return sendFailed(listener, sent, recipient, e);
        }
        CompletableFuture<@Nullable Object> reply = new CompletableFuture<>();
        if (listener != RuntimeListener.NONE) {
            reply.whenComplete((r, e) -> listener.messageSendEnd(sent, recipient, e));
        }
        boolean cancellable = cancellationToken != null;
        if (cancellable) {
            CancellationToken.Registration registration = token.onCancel(() -> reply.cancel(false));
            reply.whenComplete((r, e) -> registration.close());
        }
        outstanding.incrementAndGet();
        Envelope.Send envelope = new Envelope.Send(message, context, cancellable, listener, recipient, reply);
        if (mayHandleHere && cell.tryClaim()) {
            try {
                dispatch(cell, envelope);
            } finally {
                cell.release();
            }
        } else {
            cell.enqueue(envelope);
        }
        return reply;
    }

    /** A send that ended before delivery, reported to {@code listener} as the end of {@code message}. */
    private static CompletableFuture<@Nullable Object> sendFailed(RuntimeListener listener, Object message,
            AgentId recipient, RuntimeException error) {
        listener.messageSendEnd(message, recipient, error);
        return CompletableFuture.failedFuture(error);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if a handler sends to its own agent, which would wait forever
     */
    @Override
    public @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken) {
        MessageHandlerContext.Frame current = MessageHandlerContext.current();
        if (current != null && recipient.equals(current.agentId())) {
            AgentCell cell = cells.get(recipient);
            if (cell != null && cell.isInstantiated() && !cell.agent().handlesMessagesConcurrently()) {
                throw new IllegalStateException("agent " + recipient + " sent a direct message to itself from its own "
                        + "handler and would wait forever for the reply; call the method directly or use sendMessageAsync");
            }
        }
        return AgentRuntime.await(send(message, recipient, sender, cancellationToken, null, current, true));
    }

    @Override
    public void publishMessage(Object message, TopicId topicId, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topicId, "topicId");
        checkOpen();
        MessageHandlerContext.Frame current = MessageHandlerContext.current();
        RuntimeListener listener = listenerFor(current, message);
        Map<String, String> metadata = metadataFor(current, listener);
        Object published = message;
        if (listener != RuntimeListener.NONE) {
            listener.messagePublishStart(message, topicId, sender, metadata);
        }
        MessageContext context = new MessageContext(Optional.ofNullable(sender), Optional.of(topicId), false,
                cancellationToken != null ? cancellationToken : new CancellationToken(),
                messageId != null ? messageId : newMessageId(), metadata);
        events.message(MessageKind.PUBLISH, DeliveryStage.SEND, message, sender, topicId);
        for (InterventionHandler handler : interventionHandlers) {
            Intervention verdict = handler.onPublish(message, context);
            if (verdict instanceof DropMessage drop) {
                events.dropped(MessageKind.PUBLISH, message, sender, topicId);
                listener.messagePublishEnd(published, topicId, 0);
                return;
            }
            message = replacement(verdict, handler);
        }
        AgentCell[] recipients = recipientsFor(topicId);
        Envelope envelope = new Envelope.Publish(message, context, cancellationToken != null, listener);
        int delivered = 0;
        for (AgentCell cell : recipients) {
            if (!cell.id.equals(sender)) {
                outstanding.incrementAndGet();
                cell.enqueue(envelope);
                delivered++;
            }
        }
        listener.messagePublishEnd(published, topicId, delivered);
    }

    /** The listener of the handler's run, or of a new run for a message from outside any handler. */
    private RuntimeListener listenerFor(MessageHandlerContext.@Nullable Frame current, Object message) {
        return current != null ? current.listener() : listenerFactory.create(message);
    }

    /**
     * The metadata a new message starts with: what the handled message carries, copied into a map the
     * listener's start callback may add to when a listener is watching.
     */
    private static Map<String, String> metadataFor(MessageHandlerContext.@Nullable Frame current,
            RuntimeListener listener) {
        MessageContext handled = current == null ? null : current.messageContext();
        Map<String, String> inherited = handled == null ? Map.of() : handled.metadata();
        return listener == RuntimeListener.NONE ? inherited : new LinkedHashMap<>(inherited);
    }

    @Override
    public AgentId get(String type, String key, boolean lazy) {
        AgentId id = new AgentId(type, key);
        AgentCell cell = cellFor(id);
        if (!lazy) {
            cell.agent();
        }
        return id;
    }

    // ---------------------------------------------------------------- state

    @Override
    public Map<String, Object> saveState() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (AgentCell cell : sortedCells()) {
            if (cell.isInstantiated()) {
                state.put(cell.id.toString(), saveState(cell));
            }
        }
        return state;
    }

    @Override
    public void loadState(Map<String, Object> state) {
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            AgentId id = AgentId.fromString(entry.getKey());
            if (!types.containsKey(id.type())) {
                LOG.warn("loadState: skipping state of {}: its agent type is not registered", id);
                continue;
            }
            if (!(entry.getValue() instanceof Map<?, ?> agentState)) {
                throw new IllegalArgumentException("loadState: the state of " + id + " must be a JSON object, not "
                        + (entry.getValue() == null ? "null" : entry.getValue().getClass().getSimpleName()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) agentState;
            agentLoadState(id, typed);
        }
    }

    @Override
    public Map<String, Object> agentSaveState(AgentId agentId) {
        return saveState(cellFor(agentId));
    }

    @Override
    public void agentLoadState(AgentId agentId, Map<String, Object> state) {
        AgentCell cell = cellFor(agentId);
        Agent agent = cell.agent();
        cell.lock.lock();
        try {
            agent.loadState(state);
        } finally {
            cell.lock.unlock();
        }
    }

    @Override
    public AgentMetadata agentMetadata(AgentId agentId) {
        return cellFor(agentId).agent().metadata();
    }

    @Override
    public <T extends Agent> T tryGetUnderlyingAgentInstance(AgentId agentId, Class<T> type) {
        Agent agent = cellFor(agentId).agent();
        if (!type.isInstance(agent)) {
            throw new ClassCastException("agent " + agentId + " is a " + agent.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(agent);
    }

    private Map<String, Object> saveState(AgentCell cell) {
        Agent agent = cell.agent();
        cell.lock.lock();
        try {
            return agent.saveState();
        } finally {
            cell.lock.unlock();
        }
    }

    // ---------------------------------------------------------------- for runtimes built on this one

    /**
     * The runtime this one's agents are created with and bound to, so the one they send and publish
     * through: this runtime, unless a runtime that hosts its agents here (a distributed worker)
     * returns itself.
     */
    protected AgentRuntime agentsRuntime() {
        return this;
    }

    /** Whether an agent type is registered here, with a factory or with instances. */
    protected boolean isRegistered(String agentType) {
        return types.containsKey(agentType);
    }

    /** Whether no message is queued or being handled. */
    protected boolean isIdle() {
        return outstanding.get() == 0;
    }

    /**
     * Has {@link #stopWhen} check its condition again now, for a condition that depends on more
     * than this runtime's own messages.
     */
    protected final void recheckStopConditions() {
        signalProgress();
    }

    // ---------------------------------------------------------------- delivery (called by AgentCell)

    void execute(Runnable task) {
        DELIVERY_THREADS.newThread(task).start();
    }

    Agent instantiate(AgentId id) {
        TypeRegistration registration = types.get(id.type());
        if (registration == null || registration.factory == null) {
            throw new UndeliverableException("no agent registered as " + id);
        }
        Agent agent;
        try {
            agent = registration.factory.create(new AgentInstantiationContext(agentsRuntime(), id));
        } catch (Exception e) {
            events.constructionFailed(id, e);
            throw new AgentConstructionException("the factory of agent type '" + id.type() + "' failed to create "
                    + id + ": " + e, e);
        }
        if (agent == null) {
            throw new AgentConstructionException("the factory of agent type '" + id.type() + "' returned null for " + id);
        }
        if (registration.expectedClass != null && !registration.expectedClass.isInstance(agent)) {
            throw new AgentConstructionException("the factory of agent type '" + id.type() + "' returned a "
                    + agent.getClass().getName() + ", but the type was registered for " + registration.expectedClass.getName());
        }
        if (!Objects.equals(safeId(agent), id)) {
            try {
                agent.bindIdAndRuntime(id, agentsRuntime());
            } catch (IllegalStateException e) {
                throw new AgentConstructionException("the factory of agent type '" + id.type()
                        + "' returned an agent bound to another id: " + e.getMessage(), e);
            }
        }
        return agent;
    }

    private static @Nullable AgentId safeId(Agent agent) {
        try {
            return agent.id();
        } catch (IllegalStateException unbound) {
            return null;
        }
    }

    void dispatch(AgentCell cell, Envelope envelope) {
        Agent agent;
        try {
            agent = cell.agent();
        } catch (RuntimeException e) {
            fail(envelope, e);
            completed();
            return;
        }
        if (agent.handlesMessagesConcurrently()) {
            execute(() -> deliver(cell, agent, envelope, false));
        } else {
            deliver(cell, agent, envelope, true);
        }
    }

    private void deliver(AgentCell cell, Agent agent, Envelope envelope, boolean exclusive) {
        boolean pending = false;
        try {
            if (envelope instanceof Envelope.Send send) {
                deliverSend(cell, agent, send, exclusive);
            } else {
                pending = deliverPublish(cell, agent, (Envelope.Publish) envelope, exclusive);
            }
        } finally {
            if (!pending) {
                completed();
            }
        }
    }

    private void deliverSend(AgentCell cell, Agent agent, Envelope.Send send, boolean exclusive) {
        if (send.reply().isDone()) {
            return;
        }
        MessageContext context = send.context();
        AgentId sender = context.sender().orElse(null);
        events.message(MessageKind.DIRECT, DeliveryStage.DELIVER, send.message(), sender, cell.id);
        Object reply;
        try {
            reply = invoke(cell, agent, send, exclusive);
        } catch (Throwable t) {
            events.handlerFailed(cell.id, send.message(), t);
            send.reply().completeExceptionally(t);
            return;
        }
        events.message(MessageKind.RESPOND, DeliveryStage.SEND, reply, cell.id, sender);
        for (InterventionHandler handler : interventionHandlers) {
            Intervention verdict;
            try {
                verdict = handler.onResponse(reply, cell.id, sender);
            } catch (RuntimeException e) {
                send.reply().completeExceptionally(e);
                return;
            }
            if (verdict instanceof DropMessage drop) {
                events.dropped(MessageKind.RESPOND, reply, cell.id, sender);
                send.reply().completeExceptionally(new MessageDroppedException("the reply of " + cell.id + " to "
                        + send.message().getClass().getSimpleName() + " was dropped: " + drop.reason()));
                return;
            }
            reply = ((Intervention.Deliver) verdict).message();
        }
        send.reply().complete(reply);
    }

    /** Delivers a published message; true when the handler is still at work on it (see {@link Agent#onMessage}). */
    private boolean deliverPublish(AgentCell cell, Agent agent, Envelope.Publish publish, boolean exclusive) {
        MessageContext context = publish.context();
        events.message(MessageKind.PUBLISH, DeliveryStage.DELIVER, publish.message(),
                context.sender().orElse(null), cell.id);
        Object result;
        try {
            result = invoke(cell, agent, publish, exclusive);
        } catch (Throwable t) {
            publishHandlerFailed(cell, publish, t);
            return false;
        }
        if (!(result instanceof CompletionStage<?> handling)) {
            return false;
        }
        handling.whenComplete((ignored, error) -> {
            try {
                if (error != null) {
                    publishHandlerFailed(cell, publish,
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                }
            } finally {
                completed();
            }
        });
        return true;
    }

    private void publishHandlerFailed(AgentCell cell, Envelope.Publish publish, Throwable t) {
        events.handlerFailed(cell.id, publish.message(), t);
        if (!(t instanceof CancellationException)) {
            LOG.error("agent {} failed handling published {}", cell.id, publish.message().getClass().getName(), t);
            if (!ignoreUnhandledExceptions) {
                unhandledException.compareAndSet(null, t);
                signalProgress();
            }
        }
    }

    private @Nullable Object invoke(AgentCell cell, Agent agent, Envelope envelope, boolean exclusive) throws Exception {
        MessageContext context = envelope.context();
        if (envelope.cancellable() && context.cancellationToken().isCancelled()) {
            throw new CancellationException("cancelled before delivery");
        }
        if (exclusive) {
            cell.lock.lock();
        }
        Concurrency.CancelScope interruptOnCancel =
                envelope.cancellable() ? Concurrency.interruptOnCancel(context.cancellationToken()) : null;
        RuntimeListener listener = envelope.listener();
        MessageHandlerContext.Frame previous = MessageHandlerContext.enter(
                new MessageHandlerContext.Frame(cell.id, context, listener));
        listener.messageProcessStart(envelope.message(), cell.id, context);
        Throwable failure = null;
        try {
            return agent.onMessage(envelope.message(), context);
        } catch (InterruptedException e) {
            CancellationException cancelled = new CancellationException("handler of " + cell.id + " was interrupted");
            cancelled.initCause(e);
            failure = cancelled;
            throw cancelled;
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            listener.messageProcessEnd(envelope.message(), cell.id, context, failure);
            MessageHandlerContext.exit(previous);
            if (interruptOnCancel != null) {
                interruptOnCancel.close();
            }
            if (exclusive) {
                cell.lock.unlock();
            }
        }
    }

    private void fail(Envelope envelope, RuntimeException e) {
        if (envelope instanceof Envelope.Send send) {
            send.reply().completeExceptionally(e);
        } else {
            LOG.error("could not deliver published {}: {}", envelope.message().getClass().getName(), e.getMessage(), e);
        }
    }

    private void completed() {
        outstanding.decrementAndGet();
        if (progressWaiters > 0) {
            signalProgress();
        }
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progress.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    private void rethrowUnhandled() {
        Throwable t = unhandledException.getAndSet(null);
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new java.util.concurrent.CompletionException("a published message's handler failed", t);
        }
    }

    // ---------------------------------------------------------------- helpers

    private AgentCell cellFor(AgentId id) {
        AgentCell cell = cells.get(id);
        if (cell != null) {
            return cell;
        }
        TypeRegistration registration = types.get(id.type());
        if (registration == null) {
            throw new UndeliverableException("agent type '" + id.type() + "' is not registered with this runtime"
                    + " (registered: " + new java.util.TreeSet<>(types.keySet()) + ")");
        }
        if (registration.factory == null) {
            throw new UndeliverableException("no agent instance is registered as " + id
                    + "; agent type '" + id.type() + "' only has instances registered with registerAgentInstance");
        }
        return cells.computeIfAbsent(id, k -> new AgentCell(k, this, null));
    }

    /** Whether any agent here is subscribed to {@code topicId}: a publish to it would reach someone. */
    protected final boolean hasSubscribers(TopicId topicId) {
        return recipientsFor(topicId).length > 0;
    }

    private AgentCell[] recipientsFor(TopicId topicId) {
        AgentCell[] cached = recipientCache.get(topicId);
        if (cached != null) {
            return cached;
        }
        List<Subscription> current = subscriptions;
        Set<AgentId> ids = new LinkedHashSet<>();
        for (Subscription subscription : current) {
            if (subscription.isMatch(topicId)) {
                ids.add(subscription.mapToAgent(topicId));
            }
        }
        AgentCell[] recipients = new AgentCell[ids.size()];
        int i = 0;
        for (AgentId id : ids) {
            recipients[i++] = cellFor(id);
        }
        if (recipientCache.size() >= RECIPIENT_CACHE_LIMIT) {
            recipientCache.clear();
        }
        if (current == subscriptions) {
            recipientCache.put(topicId, recipients);
        }
        return recipients;
    }

    private static Object replacement(Intervention verdict, InterventionHandler handler) {
        Object replaced = ((Intervention.Deliver) verdict).message();
        if (replaced == null) {
            throw new IllegalStateException("intervention handler " + handler.getClass().getName()
                    + " returned Intervention.deliver(null); return a message, or a DropMessage to drop it");
        }
        return replaced;
    }

    private List<AgentCell> sortedCells() {
        List<AgentCell> sorted = new ArrayList<>(cells.values());
        sorted.sort(Comparator.comparing(c -> c.id.toString()));
        return sorted;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the runtime is closed");
        }
    }

    private static String newMessageId() {
        return RandomIds.uuid4();
    }

    private record TypeRegistration(@Nullable AgentFactory<? extends Agent> factory, @Nullable Class<?> expectedClass) {
        static final TypeRegistration INSTANCES = new TypeRegistration(null, null);
    }

    /** Options for an {@link InProcessAgentRuntime}. */
    public static class Builder {
        private final List<InterventionHandler> interventionHandlers = new ArrayList<>();
        private boolean ignoreUnhandledExceptions = true;
        private RuntimeListener.Factory listenerFactory = RuntimeListener.Factory.NONE;

        protected Builder() {
        }

        /**
         * Makes a {@link RuntimeListener} for each run: each message sent or published from outside
         * any agent, together with everything its handlers send on.
         */
        public Builder listenerFactory(RuntimeListener.Factory factory) {
            this.listenerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Adds an intervention handler; handlers see messages in the order added. */
        public Builder interventionHandler(InterventionHandler handler) {
            interventionHandlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Whether an exception thrown while handling a published message is only logged (true, the
         * default) or also rethrown by {@link #stop()}, {@link #stopWhenIdle()} and {@link #stopWhen}
         * (false), which then return at once.
         */
        public Builder ignoreUnhandledExceptions(boolean ignore) {
            this.ignoreUnhandledExceptions = ignore;
            return this;
        }

        /** Builds the runtime. */
        public InProcessAgentRuntime build() {
            return new InProcessAgentRuntime(this);
        }
    }
}
