package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's routing: which worker serves which agent type, the subscriptions, the open streams, and
 * the RPCs on their way. Requests go to the worker serving the target's type under a host-wide
 * request id (workers number their requests independently) and the reply goes back under the
 * caller's id; published CloudEvents go once to every worker serving a subscribed agent type,
 * the publisher's included, as Python's host does. A caller always gets a reply: an error when no
 * worker serves the type, or when the worker leaves before replying. Thread-safe and non-blocking,
 * so gRPC may call it on its network threads.
 *
 * <p>Messages are routed one at a time, each sent to all its recipients before the next is routed:
 * so what a worker sends after receiving a message reaches everyone after that message (causal order,
 * which Python's single-threaded host gives too). A team relies on it: a participant must have the
 * previous speaker's response before it is asked to speak.
 */
public final class HostRouter implements HostRouting {
    private static final Logger LOG = LoggerFactory.getLogger(HostRouter.class);

    /** An RPC forwarded to a worker, waiting for its reply. */
    private record Pending(String callerClient, String callerRequestId, String targetClient, String target) {
    }

    private final ConcurrentHashMap<String, StreamSender<Message>> dataStreams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StreamSender<ControlMessage>> controlStreams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> typeOwners = new ConcurrentHashMap<>();
    private final SubscriptionTable subscriptions = new SubscriptionTable();
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong();
    private final ReentrantLock routing = new ReentrantLock();

    // ---------------------------------------------------------------- connections

    /** A worker opened its message stream. A second stream under the same id replaces the first. */
    @Override
    public void connected(String clientId, StreamSender<Message> stream) {
        StreamSender<Message> previous = dataStreams.put(clientId, stream);
        if (previous != null) {
            LOG.warn("worker {} opened a second message stream; the first one is no longer used", clientId);
            previous.complete();
        }
        LOG.info("worker {} connected", clientId);
    }

    /**
     * A worker's message stream ended: its agent types and subscriptions go, and every RPC waiting
     * for it fails at once with an error naming the agent.
     */
    @Override
    public void disconnected(String clientId, StreamSender<Message> stream) {
        if (!dataStreams.remove(clientId, stream)) {
            return;
        }
        typeOwners.values().removeIf(clientId::equals);
        int removed = subscriptions.removeAll(clientId);
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending p = entry.getValue();
            if (p.targetClient.equals(clientId) && pending.remove(entry.getKey(), p)) {
                replyError(p.callerClient, p.callerRequestId, "agent " + p.target
                        + " is unreachable: its worker disconnected before replying");
            } else if (p.callerClient.equals(clientId)) {
                pending.remove(entry.getKey(), p);
            }
        }
        LOG.info("worker {} disconnected; removed its agent types and {} subscriptions", clientId, removed);
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

    /**
     * Records that a worker serves an agent type; the future fails with IllegalArgumentException if
     * another worker serves it.
     */
    @Override
    public CompletableFuture<Void> registerAgentType(String clientId, String agentType) {
        String owner = typeOwners.putIfAbsent(agentType, clientId);
        if (owner != null && !owner.equals(clientId)) {
            return HostRouting.refused(new IllegalArgumentException(
                    "Agent type " + agentType + " already registered with client " + owner + "."));
        }
        LOG.debug("worker {} serves agent type '{}'", clientId, agentType);
        return CompletableFuture.completedFuture(null);
    }

    /** Fails with IllegalArgumentException if the subscription exists. */
    @Override
    public CompletableFuture<Void> addSubscription(String clientId, Subscription subscription) {
        try {
            subscriptions.add(clientId, subscription);
        } catch (IllegalArgumentException e) {
            return HostRouting.refused(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Fails with IllegalArgumentException if no subscription has the id. */
    @Override
    public CompletableFuture<Void> removeSubscription(String clientId, String subscriptionId) {
        if (!subscriptions.remove(subscriptionId)) {
            return HostRouting.refused(new IllegalArgumentException("no subscription with id '" + subscriptionId + "'"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<Subscription> subscriptions() {
        return subscriptions.all();
    }

    // ---------------------------------------------------------------- messages

    /** Routes a message a worker sent on its stream. */
    @Override
    public void received(String clientId, Message message) {
        routing.lock();
        try {
            switch (message.getMessageCase()) {
                case REQUEST -> routeRequest(clientId, message.getRequest());
                case RESPONSE -> routeResponse(clientId, message.getResponse());
                case CLOUDEVENT -> routeEvent(message.getCloudEvent());
                case MESSAGE_NOT_SET -> LOG.warn("worker {} sent an empty message", clientId);
            }
        } finally {
            routing.unlock();
        }
    }

    private void routeRequest(String callerClient, RpcRequest request) {
        String target = WireFormat.describe(request.getTarget());
        String targetClient = typeOwners.get(request.getTarget().getType());
        StreamSender<Message> targetStream = targetClient == null ? null : dataStreams.get(targetClient);
        if (targetStream == null) {
            replyError(callerClient, request.getRequestId(), "cannot deliver to agent " + target
                    + ": no worker connected to this host serves agent type '" + request.getTarget().getType() + "'");
            return;
        }
        String hostRequestId = Long.toString(nextRequestId.incrementAndGet());
        Pending p = new Pending(callerClient, request.getRequestId(), targetClient, target);
        pending.put(hostRequestId, p);
        StreamSender.Outcome outcome = dataStreams.get(targetClient) != targetStream ? StreamSender.Outcome.CLOSED
                : targetStream.offer(Message.newBuilder().setRequest(request.toBuilder().setRequestId(hostRequestId)).build());
        if (outcome != StreamSender.Outcome.SENT && pending.remove(hostRequestId, p)) {
            replyError(callerClient, request.getRequestId(), outcome == StreamSender.Outcome.FULL
                    ? Backpressure.tooSlow(target, targetClient, targetStream.queuedBytes())
                    : "agent " + target + " is unreachable: its worker disconnected before replying");
        }
    }

    private void routeResponse(String responderClient, RpcResponse response) {
        Pending p = pending.get(response.getRequestId());
        if (p == null || !p.targetClient.equals(responderClient) || !pending.remove(response.getRequestId(), p)) {
            LOG.debug("worker {} replied to unknown request {}", responderClient, response.getRequestId());
            return;
        }
        send(p.callerClient, Message.newBuilder()
                .setResponse(response.toBuilder().setRequestId(p.callerRequestId)).build());
    }

    private void routeEvent(CloudEvent event) {
        TopicId topic;
        try {
            topic = new TopicId(event.getType(), event.getSource());
        } catch (IllegalArgumentException e) {
            LOG.error("dropped CloudEvent {}: {}", event.getId(), e.getMessage());
            return;
        }
        Set<String> clients = new HashSet<>();
        for (String agentType : subscriptions.agentTypesFor(topic)) {
            String client = typeOwners.get(agentType);
            if (client != null) {
                clients.add(client);
            } else {
                LOG.debug("agent type '{}' is subscribed to {} but no worker serves it", agentType, topic);
            }
        }
        if (clients.isEmpty()) {
            return;
        }
        Message message = Message.newBuilder().setCloudEvent(event).build();
        for (String client : clients) {
            send(client, message);
        }
    }

    /** Forwards a control message to the worker its destination names. */
    @Override
    public void receivedControl(String clientId, ControlMessage message) {
        String destination = message.getDestination();
        String targetClient;
        if (destination.startsWith(WireConstants.AGENT_ID_DESTINATION)) {
            String agentId = destination.substring(WireConstants.AGENT_ID_DESTINATION.length());
            int slash = agentId.indexOf('/');
            targetClient = typeOwners.get(slash < 0 ? agentId : agentId.substring(0, slash));
        } else if (destination.startsWith(WireConstants.CLIENT_ID_DESTINATION)) {
            targetClient = destination.substring(WireConstants.CLIENT_ID_DESTINATION.length());
        } else {
            LOG.error("worker {} sent a control message to invalid destination '{}'", clientId, destination);
            return;
        }
        StreamSender<ControlMessage> stream = targetClient == null ? null : controlStreams.get(targetClient);
        if (stream == null || !stream.send(message)) {
            String error = "cannot deliver control message to '" + destination + "': no worker connected to this"
                    + " host serves it";
            LOG.debug("control message {} of worker {}: {}", message.getRpcId(), clientId, error);
            ControlMessage reply = ControlMessages.errorReply(message, error);
            StreamSender<ControlMessage> caller = controlStreams.get(clientId);
            if (reply != null && caller != null) {
                caller.send(reply);
            }
        }
    }

    private void replyError(String client, String requestId, String error) {
        LOG.debug("RPC {} of worker {} failed: {}", requestId, client, error);
        send(client, Message.newBuilder()
                .setResponse(RpcResponse.newBuilder().setRequestId(requestId).setError(error)).build());
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

    /** Ends every stream, for a host that stops. */
    @Override
    public void closeAll() {
        dataStreams.values().forEach(StreamSender::complete);
        controlStreams.values().forEach(StreamSender::complete);
    }
}
