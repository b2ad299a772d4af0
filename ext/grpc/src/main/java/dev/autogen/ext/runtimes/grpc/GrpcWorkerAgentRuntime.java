package dev.autogen.ext.runtimes.grpc;

import dev.autogen.core.Agent;
import dev.autogen.core.AgentFactory;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentMetadata;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.AgentType;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.InterventionHandler;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.core.exceptions.NotAccessibleException;
import dev.autogen.core.serialization.MessageSerializer;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.ext.runtimes.grpc.internal.ControlMessages;
import dev.autogen.ext.runtimes.grpc.internal.EncodedMessage;
import dev.autogen.ext.runtimes.grpc.internal.HostConnection;
import dev.autogen.ext.runtimes.grpc.internal.InboundDispatcher;
import dev.autogen.ext.runtimes.grpc.internal.LocalAgents;
import dev.autogen.ext.runtimes.grpc.internal.OwnEvents;
import dev.autogen.ext.runtimes.grpc.internal.PayloadCodec;
import dev.autogen.ext.runtimes.grpc.internal.PendingCalls;
import dev.autogen.ext.runtimes.grpc.internal.WireFormat;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AgentRuntime} of one worker process of a distributed application: it hosts the agents
 * registered here and reaches every other agent through a host ({@link GrpcWorkerAgentRuntimeHost},
 * or Python's), over AutoGen's gRPC protocol. Teams and agents use it exactly as the in-process
 * runtime; only messages need serializers, since they cross processes.
 *
 * <!-- java-context: import dev.autogen.core.serialization.JsonMessageSerializer; record Ping(int seq) {}
 *      record Pong(int seq) {} -->
 * <pre>{@code
 * try (var runtime = GrpcWorkerAgentRuntime.builder("127.0.0.1:50051").build()) {
 *     runtime.addMessageSerializer(JsonMessageSerializer.of(Ping.class), JsonMessageSerializer.of(Pong.class));
 *     runtime.start();
 *     Pong pong = runtime.sendMessage(new Ping(41), AgentId.of("echo"), Pong.class);  // served by another worker
 * }
 * }</pre>
 *
 * <p>What goes where:
 * <ul>
 * <li>Agent types and subscriptions are registered with the host too (those made before
 *     {@link #start()} when it connects); a type is served by one worker.</li>
 * <li>A direct message to a type registered here is delivered here, as in-process; to any other
 *     type it goes through the host, and the reply or the recipient's error comes back
 *     ({@link RemoteAgentException}, also when no worker serves the type or its worker dies).</li>
 * <li>A published message always goes through the host, which delivers it to every worker with a
 *     matching subscription, this one included: payloads are JSON ({@code application/json}) under
 *     Python's type names, or protobuf where only a protobuf serializer is registered.</li>
 * <li>The message's metadata (a W3C {@code traceparent}, say) travels in the request's metadata and
 *     in the CloudEvent's attributes.</li>
 * <li>{@link #agentSaveState}/{@link #agentLoadState} of an agent on another worker use the
 *     protocol's control channel; its metadata and instance are not reachable
 *     ({@link NotAccessibleException}). {@link #saveState()} covers this worker's agents.</li>
 * </ul>
 */
public final class GrpcWorkerAgentRuntime implements AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcWorkerAgentRuntime.class);

    private final List<String> hostAddresses;
    private volatile int currentHost;
    private final String clientId = UUID.randomUUID().toString();
    private final int maxMessageBytes;
    private final Duration callTimeout;
    private final ConnectionSecurity security;
    private final Duration reconnectBackoff;
    private final RuntimeListener.Factory listenerFactory;
    private final LocalAgents local;
    private final OwnEvents ownEvents = new OwnEvents();
    private final PayloadCodec codec;
    private final InboundDispatcher inbound;
    private final ExecutorService blockingWork = Concurrency.newThreadPerTaskExecutor("autogen-grpc-control-");
    private final PendingCalls<@Nullable Object> rpcs;
    private final PendingCalls<ControlMessage> controlCalls = new PendingCalls<>(() -> { });
    private final Set<String> agentTypes = ConcurrentHashMap.newKeySet();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private volatile @Nullable HostConnection connection;
    private volatile boolean running;
    private volatile boolean closed;

    private GrpcWorkerAgentRuntime(Builder builder) {
        this.hostAddresses = builder.hostAddresses;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.callTimeout = builder.callTimeout;
        this.security = builder.security;
        this.reconnectBackoff = builder.reconnectBackoff;
        this.listenerFactory = builder.listenerFactory;
        this.local = new LocalAgents(new LocalAgents.Options(builder.listenerFactory,
                List.copyOf(builder.interventionHandlers), builder.ignoreUnhandledExceptions), () -> this);
        this.codec = new PayloadCodec(local.serializers(), maxMessageBytes);
        this.rpcs = new PendingCalls<>(local::recheck);
        this.inbound = new InboundDispatcher(local, codec, listenerFactory, () -> connection, blockingWork, ownEvents);
    }

    /**
     * A builder for a worker connecting to the host at {@code hostAddress} ({@code host:port}, as
     * Python's {@code GrpcWorkerAgentRuntime(host_address=...)}). For a host that runs as a cluster of
     * nodes, give several addresses separated by commas ({@code "10.0.0.1:50051,10.0.0.2:50051"}): the
     * worker connects to the first that answers and, when that node goes away, to the next.
     */
    public static Builder builder(String hostAddress) {
        return new Builder(hostAddress);
    }

    /** The id this worker gives the host in the {@code client-id} metadata. */
    public String clientId() {
        return clientId;
    }

    /** The address of the host this worker connects (or last connected) to. */
    public String hostAddress() {
        return hostAddresses.get(currentHost);
    }

    /** Every host address this worker may connect to, in the order it tries them. */
    public List<String> hostAddresses() {
        return hostAddresses;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Connects to the host, registers the agent types and subscriptions made so far, and starts
     * delivering messages. Returns once connected.
     *
     * @throws IllegalStateException if already running or closed, or the host cannot be reached
     *     (naming its address)
     * @throws IllegalArgumentException if the host refuses a registration (a type another worker serves)
     */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the worker runtime is closed; create a new one");
            }
            if (running) {
                throw new IllegalStateException("the worker runtime is already running");
            }
            connection = connect(currentHost);
            local.start();
            running = true;
            LOG.info("worker {} connected to the AutoGen host at {}", clientId, hostAddress());
        }
    }

    /**
     * Opens a connection and registers this worker's agent types and subscriptions on it.
     *
     * @throws IllegalStateException if the host cannot be reached
     * @throws IllegalArgumentException if the host refuses a registration
     */
    private HostConnection connect(int first) {
        RuntimeException failure = null;
        for (int i = 0; i < hostAddresses.size(); i++) {
            int index = (first + i) % hostAddresses.size();
            try {
                HostConnection host = connectTo(hostAddresses.get(index));
                currentHost = index;
                return host;
            } catch (IllegalArgumentException refused) {
                throw refused;
            } catch (RuntimeException e) {
                LOG.info("worker {} cannot connect to the AutoGen host at {}: {}", clientId, hostAddresses.get(index), e.getMessage());
                failure = e;
            }
        }
        if (hostAddresses.size() == 1) {
            throw failure;
        }
        throw new IllegalStateException("cannot reach any of the AutoGen hosts " + String.join(", ", hostAddresses)
                + "; the last said: " + failure.getMessage(), failure);
    }

    private HostConnection connectTo(String hostAddress) {
        HostConnection host = new HostConnection(hostAddress, clientId, maxMessageBytes, callTimeout, security);
        try {
            host.open(new Listener(host));
            for (String type : agentTypes) {
                host.registerAgentType(type);
            }
            for (Subscription subscription : subscriptions) {
                host.addSubscription(subscription);
            }
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /**
     * After the connection to a running host broke: tries again, waiting 100 ms, then twice as long
     * each time up to {@link Builder#reconnectBackoff the longest wait}, until connected or stopped.
     * Calls made meanwhile fail at once, as they would with the host gone.
     */
    private void reconnect(HostConnection lost) {
        Duration wait = Duration.ofMillis(100);
        while (true) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lifecycle) {
                if (!running || connection != lost) {
                    return;
                }
                try {
                    // the next address first: a host node that went away is likely still away
                    connection = connect(hostAddresses.indexOf(lost.address()) + 1);
                    lost.close();
                    LOG.info("worker {} reconnected to the AutoGen host at {} and registered {} agent types again",
                            clientId, hostAddress(), agentTypes.size());
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("worker {} cannot reconnect to the AutoGen host yet: {}", clientId, e.getMessage());
                }
            }
            wait = wait.multipliedBy(2).compareTo(reconnectBackoff) > 0 ? reconnectBackoff : wait.multipliedBy(2);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops delivering and disconnects from the host, which then fails the calls waiting for this
     * worker's agents; calls this worker is waiting for fail too. {@link #start()} connects again.
     */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                throw new IllegalStateException("the worker runtime is not running");
            }
            try {
                if (local.isRunning()) {
                    local.stop();
                }
            } finally {
                disconnect("the worker runtime was stopped");
            }
        }
    }

    /**
     * Waits until this worker has no message queued or being handled and no direct message of its
     * own waiting for a reply, then stops. Messages still travelling through the host are not seen.
     */
    @Override
    public void stopWhenIdle() {
        if (!running) {
            throw new IllegalStateException("the worker runtime is not running; call start() first");
        }
        try {
            local.stopWhen(() -> local.idle() && rpcs.isEmpty());
        } finally {
            synchronized (lifecycle) {
                if (running) {
                    disconnect("the worker runtime was stopped");
                }
            }
        }
    }

    private void disconnect(String reason) {
        running = false;
        HostConnection host = connection;
        connection = null;
        if (host != null) {
            host.close();
        }
        failPending(reason);
    }

    /** Stops if running, closes every local agent and releases the connection. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            if (running) {
                disconnect("the worker runtime was closed");
            }
            closed = true;
        }
        local.close();
        blockingWork.shutdown();
    }

    // ---------------------------------------------------------------- registration

    @Override
    public <T extends Agent> AgentType registerFactory(String type, AgentFactory<T> factory,
            @Nullable Class<T> expectedClass) {
        synchronized (lifecycle) {
            if (local.serves(type)) {
                throw new IllegalArgumentException("agent type '" + type + "' is already registered with this runtime");
            }
            HostConnection host = liveConnection();
            if (host != null) {
                host.registerAgentType(type);
            }
            AgentType registered = local.registerFactory(type, factory, expectedClass);
            agentTypes.add(type);
            subscribeLocally(type);
            return registered;
        }
    }

    @Override
    public AgentId registerAgentInstance(Agent agent, AgentId agentId) {
        synchronized (lifecycle) {
            boolean newType = !local.serves(agentId.type());
            HostConnection host = liveConnection();
            if (newType && host != null) {
                host.registerAgentType(agentId.type());
            }
            AgentId registered = local.registerAgentInstance(agent, agentId);
            if (newType) {
                agentTypes.add(agentId.type());
                subscribeLocally(agentId.type());
            }
            return registered;
        }
    }

    /** Subscriptions made for a type before it was registered here start delivering to it. */
    private void subscribeLocally(String type) {
        for (Subscription subscription : subscriptions) {
            if (subscription.agentType().equals(type)) {
                local.addSubscription(subscription);
            }
        }
    }

    /**
     * {@inheritDoc} The host is told too; it sends this worker what is published to matching topics.
     *
     * @throws IllegalArgumentException if the subscription exists, or is of a kind AutoGen's protocol
     *     cannot carry (only type and type-prefix subscriptions travel)
     */
    @Override
    public void addSubscription(Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        WireFormat.toProto(subscription);
        synchronized (lifecycle) {
            for (Subscription existing : subscriptions) {
                if (existing.id().equals(subscription.id()) || existing.equals(subscription)) {
                    throw new IllegalArgumentException("subscription already exists: " + subscription);
                }
            }
            HostConnection host = liveConnection();
            if (host != null) {
                host.addSubscription(subscription);
            }
            subscriptions.add(subscription);
            if (local.serves(subscription.agentType())) {
                local.addSubscription(subscription);
            }
        }
    }

    @Override
    public void removeSubscription(String subscriptionId) {
        synchronized (lifecycle) {
            Subscription found = subscriptions.stream().filter(s -> s.id().equals(subscriptionId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no subscription with id '" + subscriptionId + "'"));
            HostConnection host = liveConnection();
            if (host != null) {
                host.removeSubscription(subscriptionId);
            }
            subscriptions.remove(found);
            if (local.subscriptions().contains(found)) {
                local.removeSubscription(subscriptionId);
            }
        }
    }

    @Override
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    @Override
    public void addMessageSerializer(MessageSerializer<?>... serializers) {
        local.addMessageSerializer(serializers);
    }

    // ---------------------------------------------------------------- messaging

    @Override
    public CompletableFuture<@Nullable Object> sendMessageAsync(Object message, AgentId recipient,
            @Nullable AgentId sender, @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        if (local.serves(recipient.type())) {
            return local.sendMessageAsync(message, recipient, sender, cancellationToken, messageId);
        }
        return sendRemote(message, recipient, sender, cancellationToken);
    }

    @Override
    public @Nullable Object sendMessage(Object message, AgentId recipient, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken) {
        if (local.serves(recipient.type())) {
            return local.sendMessage(message, recipient, sender, cancellationToken);
        }
        return AgentRuntime.await(sendRemote(message, recipient, sender, cancellationToken));
    }

    private CompletableFuture<@Nullable Object> sendRemote(Object message, AgentId recipient, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken) {
        Objects.requireNonNull(message, "message");
        MessageHandlerContext.Frame current = MessageHandlerContext.current();
        RuntimeListener listener = listenerFor(current, message);
        Map<String, String> metadata = metadataFor(current);
        listener.messageSendStart(message, recipient, sender, metadata);
        CompletableFuture<@Nullable Object> reply = new CompletableFuture<>();
        reply.whenComplete((r, e) -> listener.messageSendEnd(message, recipient, e));
        EncodedMessage encoded;
        HostConnection host;
        try {
            encoded = codec.encode(message);
            host = connected("send " + message.getClass().getSimpleName() + " to agent " + recipient);
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
            return reply;
        }
        String requestId = rpcs.add(recipient.toString(), reply);
        if (cancellationToken != null) {
            CancellationToken.Registration registration = cancellationToken.onCancel(() -> reply.cancel(false));
            reply.whenComplete((r, e) -> registration.close());
        }
        RpcRequest.Builder request = RpcRequest.newBuilder()
                .setRequestId(requestId)
                .setTarget(WireFormat.toProto(recipient))
                .setPayload(encoded.toPayload())
                .putAllMetadata(metadata);
        if (sender != null) {
            request.setSource(WireFormat.toProto(sender));
        }
        if (!host.send(Message.newBuilder().setRequest(request).build())) {
            reply.completeExceptionally(new RemoteAgentException(recipient, "the connection to the host at "
                    + hostAddress() + " is closed"));
        }
        return reply;
    }

    /**
     * {@inheritDoc} The message goes through the host, which delivers it to the subscribers on every
     * worker (this one's included); it returns once the message is on its way.
     *
     * @throws IllegalStateException if not connected to the host
     * @throws IllegalArgumentException if the message has no serializer
     */
    @Override
    public void publishMessage(Object message, TopicId topicId, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topicId, "topicId");
        MessageHandlerContext.Frame current = MessageHandlerContext.current();
        RuntimeListener listener = listenerFor(current, message);
        Map<String, String> metadata = metadataFor(current);
        listener.messagePublishStart(message, topicId, sender, metadata);
        EncodedMessage encoded = codec.encode(message);
        HostConnection host = connected("publish " + message.getClass().getSimpleName() + " to " + topicId);
        String eventId = messageId != null ? messageId : UUID.randomUUID().toString();
        var event = WireFormat.publishEvent(eventId, topicId, Optional.ofNullable(sender), encoded, metadata);
        boolean here = local.subscribed(topicId);
        if (here) {
            ownEvents.delivered(eventId);
        }
        boolean sent = host.send(Message.newBuilder().setCloudEvent(event).build());
        listener.messagePublishEnd(message, topicId, 0);
        if (!sent) {
            ownEvents.cancel(eventId);
            throw new IllegalStateException("cannot publish " + message.getClass().getSimpleName() + " to " + topicId
                    + ": the connection to the host at " + hostAddress() + " is closed");
        }
        if (here) {
            local.publishMessage(message, topicId, sender, cancellationToken, eventId);
        }
    }

    private RuntimeListener listenerFor(MessageHandlerContext.@Nullable Frame current, Object message) {
        return current != null ? current.listener() : listenerFactory.create(message);
    }

    private static Map<String, String> metadataFor(MessageHandlerContext.@Nullable Frame current) {
        MessageContext handled = current == null ? null : current.messageContext();
        return handled == null ? new LinkedHashMap<>() : new LinkedHashMap<>(handled.metadata());
    }

    /**
     * The connection to register on, or null when there is none or it broke (the registrations are
     * then made when it is opened again).
     */
    private @Nullable HostConnection liveConnection() {
        HostConnection host = connection;
        return host == null || host.isEnded() ? null : host;
    }

    private HostConnection connected(String what) {
        HostConnection host = connection;
        if (host == null) {
            throw new IllegalStateException("cannot " + what + ": the worker runtime is not connected to the host at "
                    + hostAddress() + "; call start() first");
        }
        return host;
    }

    // ---------------------------------------------------------------- agents and state

    @Override
    public AgentId get(String type, String key, boolean lazy) {
        return local.serves(type) ? local.get(type, key, lazy) : new AgentId(type, key);
    }

    /** The state of every agent of this worker created so far. */
    @Override
    public Map<String, Object> saveState() {
        return local.saveState();
    }

    /** Restores this worker's agents; entries of types served elsewhere are skipped with a warning. */
    @Override
    public void loadState(Map<String, Object> state) {
        local.loadState(state);
    }

    @Override
    public Map<String, Object> agentSaveState(AgentId agentId) {
        if (local.serves(agentId.type())) {
            return local.agentSaveState(agentId);
        }
        ControlMessage reply = controlCall(agentId, "save the state of",
                id -> ControlMessages.saveStateRequest(id, agentId, clientId));
        SaveStateResponse response = ControlMessages.body(reply, SaveStateResponse.class);
        if (response.hasError()) {
            throw new RemoteAgentException(agentId, response.getError());
        }
        return InboundDispatcher.state(response.getState());
    }

    @Override
    public void agentLoadState(AgentId agentId, Map<String, Object> state) {
        if (local.serves(agentId.type())) {
            local.agentLoadState(agentId, state);
            return;
        }
        String json = InboundDispatcher.stateJson(state);
        ControlMessage reply = controlCall(agentId, "load the state of",
                id -> ControlMessages.loadStateRequest(id, agentId, json, clientId));
        LoadStateResponse response = ControlMessages.body(reply, LoadStateResponse.class);
        if (response.hasError() && !response.getError().isEmpty()) {
            throw new RemoteAgentException(agentId, response.getError());
        }
    }

    private ControlMessage controlCall(AgentId agentId, String what,
            java.util.function.Function<String, ControlMessage> request) {
        HostConnection host = connected(what + " agent " + agentId);
        CompletableFuture<ControlMessage> reply = new CompletableFuture<>();
        String rpcId = controlCalls.add(agentId.toString(), reply);
        if (!host.sendControl(request.apply(rpcId))) {
            reply.completeExceptionally(new RemoteAgentException(agentId, "the connection to the host at "
                    + hostAddress() + " is closed"));
        }
        try {
            return Concurrency.await(reply, null, callTimeout, "the host to " + what + " agent " + agentId);
        } catch (java.util.concurrent.ExecutionException e) {
            throw Concurrency.unwrap(e);
        } catch (java.util.concurrent.TimeoutException e) {
            reply.cancel(false);
            throw new RemoteAgentException(agentId, "no answer within " + callTimeout.toMillis() + " ms");
        }
    }

    /**
     * @throws NotAccessibleException for an agent on another worker: AutoGen's protocol has no call for
     *     an agent's metadata
     */
    @Override
    public AgentMetadata agentMetadata(AgentId agentId) {
        if (local.serves(agentId.type())) {
            return local.agentMetadata(agentId);
        }
        throw new NotAccessibleException("agent " + agentId + " is not served by this worker, and AutoGen's gRPC"
                + " protocol has no call for the metadata of an agent on another worker");
    }

    /** @throws NotAccessibleException for an agent on another worker */
    @Override
    public <T extends Agent> T tryGetUnderlyingAgentInstance(AgentId agentId, Class<T> type) {
        if (local.serves(agentId.type())) {
            return local.tryGetUnderlyingAgentInstance(agentId, type);
        }
        throw new NotAccessibleException("agent " + agentId + " lives on another worker; send it messages instead");
    }

    // ---------------------------------------------------------------- from the host

    private void failPending(String reason) {
        rpcs.failAll(target -> new RemoteAgentException(AgentId.fromString(target), reason));
        controlCalls.failAll(target -> new RemoteAgentException(AgentId.fromString(target), reason));
    }

    private void response(RpcResponse response) {
        PendingCalls.Call<@Nullable Object> call = rpcs.get(response.getRequestId());
        if (call == null) {
            LOG.debug("reply to request {} arrived after its caller gave up", response.getRequestId());
            return;
        }
        CompletableFuture<@Nullable Object> reply = call.reply();
        if (!response.getError().isEmpty()) {
            reply.completeExceptionally(new RemoteAgentException(AgentId.fromString(call.target()), response.getError()));
            return;
        }
        try {
            reply.complete(codec.decode(EncodedMessage.of(response.getPayload())));
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
    }

    /** Receives what the host sends on one connection's streams. */
    private final class Listener implements HostConnection.Listener {
        private final HostConnection host;

        Listener(HostConnection host) {
            this.host = host;
        }

        @Override
        public void onMessage(Message message) {
            switch (message.getMessageCase()) {
                case REQUEST -> inbound.request(message.getRequest(), host);
                case RESPONSE -> response(message.getResponse());
                case CLOUDEVENT -> inbound.event(message.getCloudEvent());
                case MESSAGE_NOT_SET -> LOG.warn("the host sent an empty message");
            }
        }

        @Override
        public void onControl(ControlMessage message) {
            if (ControlMessages.isRequest(message)) {
                inbound.controlRequest(message, host);
                return;
            }
            PendingCalls.Call<ControlMessage> call = controlCalls.get(message.getRpcId());
            if (call != null) {
                call.reply().complete(message);
            }
        }

        @Override
        public void onDisconnected(String reason) {
            failPending(reason);
            if (running && connection == host) {
                LOG.warn("worker {} lost its connection to the host: {}; reconnecting", clientId, reason);
                Concurrency.startThread("autogen-grpc-reconnect", () -> reconnect(host));
            }
        }
    }

    /** Options of a {@link GrpcWorkerAgentRuntime}. */
    public static final class Builder {
        private final List<String> hostAddresses;
        private int maxMessageBytes = 4 * 1024 * 1024;
        private Duration callTimeout = Duration.ofSeconds(30);
        private ConnectionSecurity security = ConnectionSecurity.NONE;
        private Duration reconnectBackoff = Duration.ofSeconds(5);
        private RuntimeListener.Factory listenerFactory = RuntimeListener.Factory.NONE;
        private final List<InterventionHandler> interventionHandlers = new ArrayList<>();
        private boolean ignoreUnhandledExceptions = true;

        private Builder(String hostAddress) {
            Objects.requireNonNull(hostAddress, "hostAddress");
            if (hostAddress.isBlank()) {
                throw new IllegalArgumentException("hostAddress must be host:port, not blank");
            }
            List<String> addresses = new ArrayList<>();
            for (String address : hostAddress.split(",")) {
                if (address.isBlank()) {
                    throw new IllegalArgumentException("hostAddress '" + hostAddress
                            + "' has an empty entry: give host:port addresses separated by commas");
                }
                addresses.add(address.strip());
            }
            this.hostAddresses = List.copyOf(addresses);
        }

        /**
         * The largest message sent to or accepted from the host, in bytes; 4 MiB by default, gRPC's
         * and Python's limit. A larger message is refused with an error naming its type and size.
         */
        public Builder maxMessageBytes(int maxMessageBytes) {
            if (maxMessageBytes <= 0) {
                throw new IllegalArgumentException("maxMessageBytes must be positive, not " + maxMessageBytes);
            }
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /**
         * TLS and a token for a host that needs them ({@link GrpcWorkerAgentRuntimeHost.Builder#tls},
         * {@link GrpcWorkerAgentRuntimeHost.Builder#token}); plaintext without a token by default.
         */
        public Builder security(ConnectionSecurity connectionSecurity) {
            this.security = Objects.requireNonNull(connectionSecurity, "security");
            return this;
        }

        /**
         * How long registrations, subscriptions and state calls wait for the host; 30 seconds by default.
         * Direct messages wait for as long as their handler takes (cancel them with a token).
         */
        public Builder callTimeout(Duration callTimeout) {
            if (callTimeout.isNegative() || callTimeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive, not " + callTimeout);
            }
            this.callTimeout = callTimeout;
            return this;
        }

        /**
         * The longest wait between two attempts to reconnect to a host that went away (the first
         * wait is 100 ms, each next one twice as long); 5 seconds by default.
         */
        public Builder reconnectBackoff(Duration longestWait) {
            if (longestWait.toMillis() < 100) {
                throw new IllegalArgumentException("reconnectBackoff must be at least 100 ms, not " + longestWait);
            }
            this.reconnectBackoff = longestWait;
            return this;
        }

        /** Makes a {@link RuntimeListener} for each run, as the in-process runtime's builder does. */
        public Builder listenerFactory(RuntimeListener.Factory factory) {
            this.listenerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Adds an intervention handler; it sees the messages delivered to this worker's agents. */
        public Builder interventionHandler(InterventionHandler handler) {
            interventionHandlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** As the in-process runtime's option: whether stop* rethrow a published message's handler failure. */
        public Builder ignoreUnhandledExceptions(boolean ignore) {
            this.ignoreUnhandledExceptions = ignore;
            return this;
        }

        public GrpcWorkerAgentRuntime build() {
            return new GrpcWorkerAgentRuntime(this);
        }
    }
}
