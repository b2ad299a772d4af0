package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.ext.runtimes.grpc.internal.proto.AddSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.AddSubscriptionResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.AgentRpcGrpc;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.GetSubscriptionsRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.GetSubscriptionsResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.RemoveSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RemoveSubscriptionResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's side of service {@code agents.AgentRpc}: gRPC plumbing around a {@link HostRouter}.
 * Expects {@link ClientIds} in front of it.
 */
public final class HostService extends AgentRpcGrpc.AgentRpcImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(HostService.class);

    private final HostRouting router;
    private final long maxQueuedBytes;

    /**
     * @param maxQueuedBytes how much may wait for one worker that does not take its messages as fast as
     *     they come ({@link StreamSender#bounded}); messages beyond it are refused
     */
    public HostService(HostRouting router, long maxQueuedBytes) {
        this.router = router;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public StreamObserver<Message> openChannel(StreamObserver<Message> responses) {
        String clientId = ClientIds.current();
        StreamSender<Message> stream = StreamSender.bounded(clientId, responses, maxQueuedBytes,
                Message::getSerializedSize);
        router.connected(clientId, stream);
        return new Inbound<>(clientId, stream, router::received, () -> router.disconnected(clientId, stream));
    }

    @Override
    public StreamObserver<ControlMessage> openControlChannel(StreamObserver<ControlMessage> responses) {
        String clientId = ClientIds.current();
        StreamSender<ControlMessage> stream = StreamSender.bounded(clientId, responses, maxQueuedBytes,
                ControlMessage::getSerializedSize);
        router.controlConnected(clientId, stream);
        return new Inbound<>(clientId, stream, router::receivedControl,
                () -> router.controlDisconnected(clientId, stream));
    }

    @Override
    public void registerAgent(RegisterAgentTypeRequest request, StreamObserver<RegisterAgentTypeResponse> response) {
        unary(response, router.registerAgentType(ClientIds.current(), request.getType()),
                RegisterAgentTypeResponse.getDefaultInstance());
    }

    @Override
    public void addSubscription(AddSubscriptionRequest request, StreamObserver<AddSubscriptionResponse> response) {
        CompletableFuture<Void> added;
        try {
            added = router.addSubscription(ClientIds.current(), WireFormat.fromProto(request.getSubscription()));
        } catch (IllegalArgumentException e) {
            added = HostRouting.refused(e);
        }
        unary(response, added, AddSubscriptionResponse.getDefaultInstance());
    }

    @Override
    public void removeSubscription(RemoveSubscriptionRequest request,
            StreamObserver<RemoveSubscriptionResponse> response) {
        unary(response, router.removeSubscription(ClientIds.current(), request.getId()),
                RemoveSubscriptionResponse.getDefaultInstance());
    }

    @Override
    public void getSubscriptions(GetSubscriptionsRequest request, StreamObserver<GetSubscriptionsResponse> response) {
        var reply = GetSubscriptionsResponse.newBuilder();
        router.subscriptions().forEach(s -> reply.addSubscriptions(WireFormat.toProto(s)));
        response.onNext(reply.build());
        response.onCompleted();
    }

    /** Answers a registration when the router has: INVALID_ARGUMENT if refused, UNAVAILABLE if it could not. */
    private static <T> void unary(StreamObserver<T> response, CompletableFuture<Void> done, T reply) {
        done.whenComplete((ok, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            try {
                if (cause == null) {
                    response.onNext(reply);
                    response.onCompleted();
                } else if (cause instanceof IllegalArgumentException) {
                    response.onError(Status.INVALID_ARGUMENT.withDescription(cause.getMessage()).asRuntimeException());
                } else {
                    response.onError(Status.UNAVAILABLE.withDescription(cause.getMessage()).asRuntimeException());
                }
            } catch (RuntimeException e) {
                LOG.debug("could not answer a registration call: {}", e.getMessage());
            }
        });
    }

    /** The inbound half of a worker's stream: routes each message, and tells the router when it ends. */
    private static final class Inbound<T> implements StreamObserver<T> {
        private final String clientId;
        private final StreamSender<T> outbound;
        private final BiConsumer<String, T> route;
        private final Runnable ended;

        Inbound(String clientId, StreamSender<T> outbound, BiConsumer<String, T> route, Runnable ended) {
            this.clientId = clientId;
            this.outbound = outbound;
            this.route = route;
            this.ended = ended;
        }

        @Override
        public void onNext(T message) {
            try {
                route.accept(clientId, message);
            } catch (RuntimeException e) {
                LOG.error("could not route a message of worker {}", clientId, e);
            }
        }

        @Override
        public void onError(Throwable error) {
            LOG.debug("stream of worker {} failed: {}", clientId, Status.fromThrowable(error));
            ended.run();
        }

        @Override
        public void onCompleted() {
            ended.run();
            outbound.complete();
        }
    }
}
