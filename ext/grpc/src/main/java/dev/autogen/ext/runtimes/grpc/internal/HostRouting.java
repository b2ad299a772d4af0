package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.core.Subscription;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a host does with its workers' streams and calls: {@link HostService} speaks the gRPC side of
 * service {@code agents.AgentRpc} and hands everything to one of these. {@link HostRouter} routes
 * within one process; the cluster module's routing spreads the same work over several nodes.
 *
 * <p>The stream methods are called on gRPC's network threads, one message of a worker at a time, and
 * must not block. Registrations return a future, completed with {@link IllegalArgumentException} when
 * refused (another worker serves the type, the subscription exists): a routing that must ask other
 * nodes answers later without holding a network thread.
 */
public interface HostRouting {
    /** A worker opened its message stream. */
    void connected(String clientId, StreamSender<Message> stream);

    /** A worker's message stream ended. */
    void disconnected(String clientId, StreamSender<Message> stream);

    void controlConnected(String clientId, StreamSender<ControlMessage> stream);

    void controlDisconnected(String clientId, StreamSender<ControlMessage> stream);

    /** Routes a message a worker sent on its stream. */
    void received(String clientId, Message message);

    /** Routes a control message (save or load an agent's state, or a reply to one). */
    void receivedControl(String clientId, ControlMessage message);

    CompletableFuture<Void> registerAgentType(String clientId, String agentType);

    CompletableFuture<Void> addSubscription(String clientId, Subscription subscription);

    CompletableFuture<Void> removeSubscription(String clientId, String subscriptionId);

    List<Subscription> subscriptions();

    /** Ends every stream, for a host that stops. */
    void closeAll();

    /** A future failed with {@code error}, for refusals. */
    static CompletableFuture<Void> refused(RuntimeException error) {
        return CompletableFuture.failedFuture(error);
    }
}
