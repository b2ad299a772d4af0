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
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's side of service {@code agents.AgentRpc}: gRPC plumbing around a {@link HostRouter}.
 * Expects {@link ClientIds} in front of it.
 */
public final class HostService extends AgentRpcGrpc.AgentRpcImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(HostService.class);

    private final HostRouter router;

    public HostService(HostRouter router) {
        this.router = router;
    }

    @Override
    public StreamObserver<Message> openChannel(StreamObserver<Message> responses) {
        String clientId = ClientIds.current();
        StreamSender<Message> stream = new StreamSender<>(clientId, responses);
        router.connected(clientId, stream);
        return new Inbound<>(clientId, stream, router::received, () -> router.disconnected(clientId, stream));
    }

    @Override
    public StreamObserver<ControlMessage> openControlChannel(StreamObserver<ControlMessage> responses) {
        String clientId = ClientIds.current();
        StreamSender<ControlMessage> stream = new StreamSender<>(clientId, responses);
        router.controlConnected(clientId, stream);
        return new Inbound<>(clientId, stream, router::receivedControl,
                () -> router.controlDisconnected(clientId, stream));
    }

    @Override
    public void registerAgent(RegisterAgentTypeRequest request, StreamObserver<RegisterAgentTypeResponse> response) {
        unary(response, () -> {
            router.registerAgentType(ClientIds.current(), request.getType());
            return RegisterAgentTypeResponse.getDefaultInstance();
        });
    }

    @Override
    public void addSubscription(AddSubscriptionRequest request, StreamObserver<AddSubscriptionResponse> response) {
        unary(response, () -> {
            router.addSubscription(ClientIds.current(), WireFormat.fromProto(request.getSubscription()));
            return AddSubscriptionResponse.getDefaultInstance();
        });
    }

    @Override
    public void removeSubscription(RemoveSubscriptionRequest request,
            StreamObserver<RemoveSubscriptionResponse> response) {
        unary(response, () -> {
            router.removeSubscription(request.getId());
            return RemoveSubscriptionResponse.getDefaultInstance();
        });
    }

    @Override
    public void getSubscriptions(GetSubscriptionsRequest request, StreamObserver<GetSubscriptionsResponse> response) {
        unary(response, () -> {
            var reply = GetSubscriptionsResponse.newBuilder();
            router.subscriptions().forEach(s -> reply.addSubscriptions(WireFormat.toProto(s)));
            return reply.build();
        });
    }

    private static <T> void unary(StreamObserver<T> response, java.util.function.Supplier<T> body) {
        T reply;
        try {
            reply = body.get();
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(reply);
        response.onCompleted();
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
