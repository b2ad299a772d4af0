package dev.autogen.ext.runtimes.grpc.cluster.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardControl;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardEvent;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardRequest;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardResponse;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.NodeGone;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.RegisterType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.Registration;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ReleaseType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.Directory.Owner;
import dev.autogen.ext.runtimes.grpc.cluster.internal.Directory.SubscriptionRecord;
import dev.autogen.ext.runtimes.grpc.internal.Backpressure;
import dev.autogen.ext.runtimes.grpc.internal.ControlMessages;
import dev.autogen.ext.runtimes.grpc.internal.HostRouting;
import dev.autogen.ext.runtimes.grpc.internal.StreamSender;
import dev.autogen.ext.runtimes.grpc.internal.SubscriptionTable;
import dev.autogen.ext.runtimes.grpc.internal.WireConstants;
import dev.autogen.ext.runtimes.grpc.internal.WireFormat;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.Replicator;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.pattern.Patterns;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing of one host node of a cluster, behind the same gRPC service as the single host's
 * {@code HostRouter}. What every node must agree on lives in the cluster: which worker serves an
 * agent type is decided by that type's sharded {@link AgentTypeEntity} and replicated to every node in
 * {@link Directory#TYPES}; the subscriptions are replicated in {@link Directory#SUBSCRIPTIONS}. Each
 * node reads its replicas to route, so any node routes any message: a request goes to the
 * {@link NodeGateway} of the node the target's worker is connected to, and the reply comes back to the
 * caller's node the same way.
 *
 * <p>An RPC on its way is remembered on both sides: on the caller's node until its reply arrives, on
 * the target's node until its worker replies. When the target's worker disconnects its node fails the
 * call; when a node leaves the cluster (or is downed after a crash), every node fails the calls it had
 * sent there. So a caller always gets an answer.
 */
public final class ClusterRouting implements HostRouting {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRouting.class);
    private static final int CONTROL_ORIGINS_LIMIT = 100_000;
    /** How long one attempt to reach an agent type's entity waits before it is made again. */
    private static final Duration ATTEMPT = Duration.ofSeconds(3);

    /** An RPC this node sent towards another worker, waiting for the reply. */
    private record Outgoing(String callerClient, String callerRequestId, String targetNode, String target) {
    }

    /** An RPC this node gave one of its workers, waiting for the worker's reply. */
    private record Incoming(String callerGateway, long callId, String targetClient, String target) {
    }

    private final ActorSystem system;
    private final ActorRef region;
    private final ActorRef replicator;
    private final SelfUniqueAddress selfNode;
    private final Duration askTimeout;
    private final Duration writeTimeout;
    private volatile @Nullable ActorRef gateway;
    private volatile String selfPath = "";
    private final ConcurrentHashMap<String, ActorRef> gateways = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, StreamSender<Message>> dataStreams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StreamSender<ControlMessage>> controlStreams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> typesByClient = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> connectedSince = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Outgoing> outgoing = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Incoming> incoming = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> controlOrigins = new ConcurrentHashMap<>();
    private final Set<String> removedNodes = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    private volatile Map<String, Owner> types = Map.of();
    private volatile Map<String, SubscriptionRecord> subscriptionRecords = Map.of();
    private volatile SubscriptionTable subscriptionTable = new SubscriptionTable();

    /**
     * @param region the shard region of {@link AgentTypeEntity}
     * @param askTimeout how long a registration waits for its entity before failing
     * @param writeTimeout how long a write to the replicated directory waits for every node
     */
    public ClusterRouting(ActorSystem system, ActorRef region, Duration askTimeout, Duration writeTimeout) {
        this.system = system;
        this.region = region;
        this.replicator = DistributedData.get(system).replicator();
        this.selfNode = DistributedData.get(system).selfUniqueAddress();
        this.askTimeout = askTimeout;
        this.writeTimeout = writeTimeout;
    }

    /** Starts this node's gateway actor; before any worker connects. */
    public void start() {
        ActorRef created = system.actorOf(NodeGateway.props(this), NodeGateway.NAME);
        selfPath = created.path().toSerializationFormatWithAddress(
                ((ExtendedActorSystem) system).provider().getDefaultAddress());
        gateway = created;
        gateways.put(selfPath, created);
    }

    /** This node's address, {@code pekko://system@host:port}. */
    public String selfNode() {
        return Directory.nodeOf(selfPath);
    }

    /** How many workers are connected to this node. */
    public int connectedWorkers() {
        return dataStreams.size();
    }

    // ---------------------------------------------------------------- connections

    @Override
    public void connected(String clientId, StreamSender<Message> stream) {
        connectedSince.put(clientId, System.currentTimeMillis());
        StreamSender<Message> previous = dataStreams.put(clientId, stream);
        if (previous != null) {
            previous.complete();
        }
        LOG.info("worker {} connected to this node", clientId);
    }

    @Override
    public void disconnected(String clientId, StreamSender<Message> stream) {
        if (!dataStreams.remove(clientId, stream)) {
            return;
        }
        connectedSince.remove(clientId);
        Set<String> owned = typesByClient.remove(clientId);
        if (owned != null) {
            for (String type : owned) {
                region.tell(new ReleaseType(type, clientId, selfPath), ActorRef.noSender());
            }
        }
        updateSubscriptions(map -> {
            LWWMap<String, String> result = map;
            for (Map.Entry<String, String> entry : map.getEntries().entrySet()) {
                SubscriptionRecord record = SubscriptionRecord.decode(entry.getValue());
                if (record.clientId().equals(clientId) && record.gateway().equals(selfPath)) {
                    result = result.remove(selfNode, entry.getKey());
                }
            }
            return result;
        }, new Replicator.WriteMajority(writeTimeout));
        for (Map.Entry<String, Incoming> entry : incoming.entrySet()) {
            Incoming call = entry.getValue();
            if (call.targetClient().equals(clientId) && incoming.remove(entry.getKey(), call)) {
                reply(call.callerGateway(), call.callId(), error("agent " + call.target()
                        + " is unreachable: its worker disconnected before replying"));
            }
        }
        outgoing.values().removeIf(call -> call.callerClient().equals(clientId));
        LOG.info("worker {} disconnected from this node; released {} agent types", clientId,
                owned == null ? 0 : owned.size());
    }

    @Override
    public void controlConnected(String clientId, StreamSender<ControlMessage> stream) {
        StreamSender<ControlMessage> previous = controlStreams.put(clientId, stream);
        if (previous != null) {
            previous.complete();
        }
    }

    @Override
    public void controlDisconnected(String clientId, StreamSender<ControlMessage> stream) {
        controlStreams.remove(clientId, stream);
    }

    // ---------------------------------------------------------------- registrations

    @Override
    public CompletableFuture<Void> registerAgentType(String clientId, String agentType) {
        long since = connectedSince.getOrDefault(clientId, System.currentTimeMillis());
        // a worker may register before its stream is open (Python's opens it in the background)
        boolean streamOpen = dataStreams.containsKey(clientId);
        return registerWithRetries(new RegisterType(agentType, clientId, selfPath, since),
                System.nanoTime() + askTimeout.toNanos())
                .handle((reply, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("the cluster did not confirm that worker " + clientId
                                + " serves agent type '" + agentType + "' within " + askTimeout.toSeconds()
                                + " s (is a majority of the host nodes up?)", error);
                    }
                    String refusal = ((Registration) reply).error();
                    if (!refusal.isEmpty()) {
                        throw new IllegalArgumentException(refusal);
                    }
                    Set<String> owned = typesByClient.computeIfAbsent(clientId, c -> ConcurrentHashMap.newKeySet());
                    owned.add(agentType);
                    if (streamOpen && !dataStreams.containsKey(clientId)) {
                        // the worker left while the cluster was deciding (disconnected() may have missed the type)
                        owned.remove(agentType);
                        region.tell(new ReleaseType(agentType, clientId, selfPath), ActorRef.noSender());
                        throw new IllegalStateException("worker " + clientId + " disconnected while registering");
                    }
                    Map<String, Owner> updated = new HashMap<>(types);
                    updated.put(agentType, new Owner(clientId, selfPath, since));
                    types = Map.copyOf(updated);
                    return null;
                });
    }

    /**
     * Asks the type's entity, again every few seconds until the deadline: a message sent to a shard
     * whose node has just died is lost (Pekko sends it there until the node is removed), and a
     * registration is the same when repeated.
     */
    private CompletableFuture<Object> registerWithRetries(RegisterType register, long deadline) {
        Duration attempt = Duration.ofMillis(Math.max(100, Math.min(ATTEMPT.toMillis(),
                (deadline - System.nanoTime()) / 1_000_000)));
        return Patterns.ask(region, register, attempt).toCompletableFuture()
                .handle((reply, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(reply);
                    }
                    if (System.nanoTime() < deadline) {
                        LOG.debug("the entity of agent type '{}' did not answer yet; asking again", register.agentType());
                        return registerWithRetries(register, deadline);
                    }
                    return CompletableFuture.<Object>failedFuture(error);
                })
                .thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<Void> addSubscription(String clientId, Subscription subscription) {
        for (SubscriptionRecord existing : subscriptionRecords.values()) {
            boolean sameId = existing.subscription().id().equals(subscription.id());
            if (existing.clientId().equals(clientId) && sameId) {
                continue; // the same worker again (it reconnected): recorded anew with its new node below
            }
            if (sameId || existing.subscription().equals(subscription)) {
                return HostRouting.refused(new IllegalArgumentException("subscription already exists: " + subscription));
            }
        }
        SubscriptionRecord record = new SubscriptionRecord(clientId, selfPath, subscription);
        Map<String, SubscriptionRecord> updated = new LinkedHashMap<>(subscriptionRecords);
        updated.put(subscription.id(), record);
        subscriptionsReplaced(updated);
        return updateSubscriptions(map -> map.put(selfNode, subscription.id(), record.encode()),
                new Replicator.WriteAll(writeTimeout));
    }

    @Override
    public CompletableFuture<Void> removeSubscription(String clientId, String subscriptionId) {
        if (!subscriptionRecords.containsKey(subscriptionId)) {
            return HostRouting.refused(new IllegalArgumentException("no subscription with id '" + subscriptionId + "'"));
        }
        Map<String, SubscriptionRecord> updated = new LinkedHashMap<>(subscriptionRecords);
        updated.remove(subscriptionId);
        subscriptionsReplaced(updated);
        return updateSubscriptions(map -> map.remove(selfNode, subscriptionId), new Replicator.WriteAll(writeTimeout));
    }

    @Override
    public List<Subscription> subscriptions() {
        return subscriptionTable.all();
    }

    /** Changes the replicated subscriptions; completes once written (or when the wait for other nodes ran out). */
    private CompletableFuture<Void> updateSubscriptions(java.util.function.Function<LWWMap<String, String>,
            LWWMap<String, String>> change, Replicator.WriteConsistency consistency) {
        var update = new Replicator.Update<>(Directory.SUBSCRIPTIONS, LWWMap.<String, String>create(), consistency,
                change::apply);
        return Patterns.ask(replicator, update, writeTimeout.plusSeconds(1)).toCompletableFuture()
                .handle((reply, error) -> {
                    if (error != null || !(reply instanceof Replicator.UpdateSuccess<?>)) {
                        LOG.debug("subscriptions written here, not yet confirmed by every node: {}",
                                error != null ? error.getMessage() : reply);
                    }
                    return null;
                });
    }

    // ---------------------------------------------------------------- from the replicated directory

    /** The agent type directory changed (a replica update from any node). */
    void typesChanged(Map<String, String> entries) {
        Map<String, Owner> decoded = new HashMap<>();
        entries.forEach((type, value) -> decoded.put(type, Owner.decode(value)));
        types = Map.copyOf(decoded);
    }

    /** The subscriptions changed. */
    void subscriptionsChanged(Map<String, String> entries) {
        Map<String, SubscriptionRecord> decoded = new LinkedHashMap<>();
        entries.forEach((id, value) -> decoded.put(id, SubscriptionRecord.decode(value)));
        subscriptionsReplaced(decoded);
    }

    private synchronized void subscriptionsReplaced(Map<String, SubscriptionRecord> records) {
        SubscriptionTable table = new SubscriptionTable();
        for (SubscriptionRecord record : records.values()) {
            try {
                table.add(record.clientId(), record.subscription());
            } catch (IllegalArgumentException duplicate) {
                LOG.debug("two nodes recorded the same subscription at once; keeping one: {}", duplicate.getMessage());
            }
        }
        subscriptionRecords = Map.copyOf(records);
        subscriptionTable = table;
    }

    /**
     * A node left the cluster (it left, or crashed and was downed): the calls sent there fail now, the
     * calls it sent here are forgotten, and its workers' agent types and subscriptions are dropped from
     * the directory (they come back when those workers reconnect to another node).
     */
    void nodeRemoved(String node) {
        removedNodes.add(node);
        gateways.keySet().removeIf(path -> Directory.nodeOf(path).equals(node));
        int failed = 0;
        for (Map.Entry<Long, Outgoing> entry : outgoing.entrySet()) {
            Outgoing call = entry.getValue();
            if (call.targetNode().equals(node) && outgoing.remove(entry.getKey(), call)) {
                failed++;
                replyError(call.callerClient(), call.callerRequestId(), "agent " + call.target()
                        + " is unreachable: the host node " + node + " its worker was connected to left the cluster"
                        + " before the agent replied");
            }
        }
        incoming.values().removeIf(call -> Directory.nodeOf(call.callerGateway()).equals(node));
        Map<String, Owner> kept = new HashMap<>();
        types.forEach((type, owner) -> {
            if (owner.node().equals(node)) {
                region.tell(new NodeGone(type, node), ActorRef.noSender());
            } else {
                kept.put(type, owner);
            }
        });
        types = Map.copyOf(kept);
        updateSubscriptions(map -> {
            LWWMap<String, String> result = map;
            for (Map.Entry<String, String> entry : map.getEntries().entrySet()) {
                if (SubscriptionRecord.decode(entry.getValue()).node().equals(node)) {
                    result = result.remove(selfNode, entry.getKey());
                }
            }
            return result;
        }, Replicator.writeLocal());
        LOG.warn("host node {} left the cluster; failed {} calls waiting for its workers", node, failed);
    }

    // ---------------------------------------------------------------- from this node's workers

    @Override
    public void received(String clientId, Message message) {
        switch (message.getMessageCase()) {
            case REQUEST -> routeRequest(clientId, message.getRequest(), true);
            case RESPONSE -> routeResponse(clientId, message.getResponse());
            case CLOUDEVENT -> routeEvent(message.getCloudEvent());
            case MESSAGE_NOT_SET -> LOG.warn("worker {} sent an empty message", clientId);
        }
    }

    private void routeRequest(String callerClient, RpcRequest request, boolean mayReread) {
        String type = request.getTarget().getType();
        Owner owner = types.get(type);
        if (owner == null || removedNodes.contains(owner.node())) {
            if (mayReread) {
                // perhaps registered on another node a moment ago: read this node's replica, then try again
                rereadTypes(() -> routeRequest(callerClient, request, false));
                return;
            }
            replyError(callerClient, request.getRequestId(), "cannot deliver to agent "
                    + WireFormat.describe(request.getTarget()) + ": no worker connected to this cluster serves agent type '"
                    + type + "'");
            return;
        }
        long callId = ids.incrementAndGet();
        outgoing.put(callId, new Outgoing(callerClient, request.getRequestId(), owner.node(),
                WireFormat.describe(request.getTarget())));
        toGateway(owner.gateway(), new ForwardRequest(owner.clientId(), selfPath, callId, request.toByteArray()));
    }

    private void rereadTypes(Runnable then) {
        Patterns.ask(replicator, new Replicator.Get<>(Directory.TYPES, Replicator.readLocal()), askTimeout)
                .whenComplete((reply, error) -> {
                    if (reply instanceof Replicator.GetSuccess<?> success) {
                        @SuppressWarnings("unchecked")
                        var map = (LWWMap<String, String>) success.dataValue();
                        typesChanged(map.getEntries());
                    }
                    then.run();
                });
    }

    private void routeResponse(String responderClient, RpcResponse response) {
        Incoming call = incoming.get(response.getRequestId());
        if (call == null || !call.targetClient().equals(responderClient)
                || !incoming.remove(response.getRequestId(), call)) {
            LOG.debug("worker {} replied to unknown request {}", responderClient, response.getRequestId());
            return;
        }
        reply(call.callerGateway(), call.callId(), response);
    }

    private void routeEvent(CloudEvent event) {
        TopicId topic;
        try {
            topic = new TopicId(event.getType(), event.getSource());
        } catch (IllegalArgumentException e) {
            LOG.error("dropped CloudEvent {}: {}", event.getId(), e.getMessage());
            return;
        }
        Map<String, List<String>> clientsByGateway = new HashMap<>();
        Map<String, Owner> owners = types;
        for (String agentType : subscriptionTable.agentTypesFor(topic)) {
            Owner owner = owners.get(agentType);
            if (owner != null && !removedNodes.contains(owner.node())) {
                List<String> clients = clientsByGateway.computeIfAbsent(owner.gateway(), g -> new ArrayList<>());
                if (!clients.contains(owner.clientId())) {
                    clients.add(owner.clientId());
                }
            }
        }
        if (clientsByGateway.isEmpty()) {
            return;
        }
        byte[] bytes = null;
        for (Map.Entry<String, List<String>> entry : clientsByGateway.entrySet()) {
            if (entry.getKey().equals(selfPath)) {
                Message message = Message.newBuilder().setCloudEvent(event).build();
                entry.getValue().forEach(client -> send(client, message));
            } else {
                if (bytes == null) {
                    bytes = event.toByteArray();
                }
                toGateway(entry.getKey(), new ForwardEvent(List.copyOf(entry.getValue()), bytes));
            }
        }
    }

    @Override
    public void receivedControl(String clientId, ControlMessage message) {
        String destination = message.getDestination();
        String targetClient = null;
        String targetGateway = null;
        if (destination.startsWith(WireConstants.AGENT_ID_DESTINATION)) {
            String agentId = destination.substring(WireConstants.AGENT_ID_DESTINATION.length());
            int slash = agentId.indexOf('/');
            Owner owner = types.get(slash < 0 ? agentId : agentId.substring(0, slash));
            if (owner != null) {
                targetClient = owner.clientId();
                targetGateway = owner.gateway();
            }
        } else if (destination.startsWith(WireConstants.CLIENT_ID_DESTINATION)) {
            targetClient = destination.substring(WireConstants.CLIENT_ID_DESTINATION.length());
            targetGateway = controlStreams.containsKey(targetClient) ? selfPath
                    : controlOrigins.remove(targetClient + "/" + message.getRpcId());
        } else {
            LOG.error("worker {} sent a control message to invalid destination '{}'", clientId, destination);
            return;
        }
        if (targetClient == null || targetGateway == null) {
            controlError(clientId, selfPath, message, "cannot deliver control message to '" + destination
                    + "': no worker connected to this cluster serves it");
            return;
        }
        toGateway(targetGateway, new ForwardControl(targetClient, clientId, selfPath, message.toByteArray()));
    }

    // ---------------------------------------------------------------- from other nodes (and this one)

    /** A request for one of this node's workers. */
    void deliverRequest(ForwardRequest forwarded) {
        RpcRequest request;
        try {
            request = RpcRequest.parseFrom(forwarded.request());
        } catch (InvalidProtocolBufferException e) {
            reply(forwarded.callerGateway(), forwarded.callId(), error("the request was damaged between host nodes"));
            return;
        }
        String target = WireFormat.describe(request.getTarget());
        StreamSender<Message> stream = dataStreams.get(forwarded.targetClient());
        if (stream == null) {
            reply(forwarded.callerGateway(), forwarded.callId(), error("agent " + target + " is unreachable: its worker"
                    + " is no longer connected to host node " + selfNode() + " (it may be reconnecting to another node)"));
            return;
        }
        String requestId = Long.toString(ids.incrementAndGet());
        Incoming call = new Incoming(forwarded.callerGateway(), forwarded.callId(), forwarded.targetClient(), target);
        incoming.put(requestId, call);
        StreamSender.Outcome outcome = stream.offer(Message.newBuilder()
                .setRequest(request.toBuilder().setRequestId(requestId)).build());
        if (outcome != StreamSender.Outcome.SENT && incoming.remove(requestId, call)) {
            reply(forwarded.callerGateway(), forwarded.callId(), error(outcome == StreamSender.Outcome.FULL
                    ? Backpressure.tooSlow(target, forwarded.targetClient(), stream.queuedBytes())
                    : "agent " + target + " is unreachable: its worker disconnected before replying"));
        }
    }

    /** The reply to a call this node sent. */
    void deliverResponse(ForwardResponse forwarded) {
        Outgoing call = outgoing.remove(forwarded.callId());
        if (call == null) {
            LOG.debug("a reply to call {} arrived after its caller left", forwarded.callId());
            return;
        }
        RpcResponse response;
        try {
            response = RpcResponse.parseFrom(forwarded.response());
        } catch (InvalidProtocolBufferException e) {
            response = error("the reply was damaged between host nodes");
        }
        send(call.callerClient(), Message.newBuilder()
                .setResponse(response.toBuilder().setRequestId(call.callerRequestId())).build());
    }

    /** A published event for some of this node's workers. */
    void deliverEvent(ForwardEvent forwarded) {
        Message message;
        try {
            message = Message.newBuilder().setCloudEvent(CloudEvent.parseFrom(forwarded.event())).build();
        } catch (InvalidProtocolBufferException e) {
            LOG.error("dropped a published event damaged between host nodes");
            return;
        }
        forwarded.clients().forEach(client -> send(client, message));
    }

    /** A control message for one of this node's workers. */
    void deliverControl(ForwardControl forwarded) {
        ControlMessage message;
        try {
            message = ControlMessage.parseFrom(forwarded.control());
        } catch (InvalidProtocolBufferException e) {
            LOG.error("dropped a control message damaged between host nodes");
            return;
        }
        if (ControlMessages.isRequest(message) && !forwarded.originClient().isEmpty()) {
            if (controlOrigins.size() >= CONTROL_ORIGINS_LIMIT) {
                controlOrigins.clear();
            }
            controlOrigins.put(forwarded.originClient() + "/" + message.getRpcId(), forwarded.originGateway());
        }
        StreamSender<ControlMessage> stream = controlStreams.get(forwarded.targetClient());
        if (stream == null || !stream.send(message)) {
            if (!forwarded.originClient().isEmpty()) {
                controlError(forwarded.originClient(), forwarded.originGateway(), message, "cannot deliver control"
                        + " message to '" + message.getDestination() + "': its worker is not connected to host node "
                        + selfNode());
            }
        }
    }

    private void controlError(String originClient, String originGateway, ControlMessage request, String error) {
        ControlMessage reply = ControlMessages.errorReply(request, error);
        if (reply == null) {
            return;
        }
        if (originGateway.equals(selfPath)) {
            StreamSender<ControlMessage> caller = controlStreams.get(originClient);
            if (caller != null) {
                caller.send(reply);
            }
        } else {
            toGateway(originGateway, new ForwardControl(originClient, "", selfPath, reply.toByteArray()));
        }
    }

    // ---------------------------------------------------------------- sending

    private void reply(String callerGateway, long callId, RpcResponse response) {
        toGateway(callerGateway, new ForwardResponse(callId, response.toByteArray()));
    }

    private static RpcResponse error(String error) {
        return RpcResponse.newBuilder().setError(error).build();
    }

    private void replyError(String client, String requestId, String error) {
        LOG.debug("RPC {} of worker {} failed: {}", requestId, client, error);
        send(client, Message.newBuilder()
                .setResponse(RpcResponse.newBuilder().setRequestId(requestId).setError(error)).build());
    }

    /** Hands a message to a node's gateway: at once when it is this node's, else through Pekko remoting. */
    private void toGateway(String gatewayPath, ClusterMessage message) {
        if (gatewayPath.equals(selfPath)) {
            switch (message) {
                case ForwardRequest m -> deliverRequest(m);
                case ForwardResponse m -> deliverResponse(m);
                case ForwardEvent m -> deliverEvent(m);
                case ForwardControl m -> deliverControl(m);
                default -> throw new IllegalArgumentException("not for a gateway: " + message);
            }
            return;
        }
        ActorRef target = gateways.computeIfAbsent(gatewayPath,
                path -> ((ExtendedActorSystem) system).provider().resolveActorRef(path));
        target.tell(message, gateway);
    }

    private void send(String client, Message message) {
        StreamSender<Message> stream = dataStreams.get(client);
        StreamSender.Outcome outcome = stream == null ? StreamSender.Outcome.CLOSED
                : message.hasResponse() ? stream.offerReply(message) : stream.offer(message);
        if (outcome == StreamSender.Outcome.FULL) {
            LOG.warn(Backpressure.dropped(client, message, stream.queuedBytes()));
        } else if (outcome == StreamSender.Outcome.CLOSED) {
            LOG.debug("worker {} is gone; dropped a {}", client, message.getMessageCase());
        }
    }

    @Override
    public void closeAll() {
        dataStreams.values().forEach(StreamSender::complete);
        controlStreams.values().forEach(StreamSender::complete);
    }
}
