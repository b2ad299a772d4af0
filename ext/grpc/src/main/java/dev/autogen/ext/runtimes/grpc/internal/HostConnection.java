package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.core.Subscription;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.ext.runtimes.grpc.internal.proto.AddSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.AgentRpcGrpc;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.GetSubscriptionsRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RemoveSubscriptionRequest;
import dev.autogen.ext.runtimes.grpc.ConnectionSecurity;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's connection to the host: one gRPC channel carrying the message stream
 * ({@code OpenChannel}), the control stream ({@code OpenControlChannel}) and the registration calls,
 * each naming the worker in the {@code client-id} metadata. Inbound messages go to a {@link Listener}
 * on virtual threads, in the order received; the end of the message stream is reported once.
 */
public final class HostConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnection.class);

    /** What a worker does with what the host sends. */
    public interface Listener {
        void onMessage(Message message);

        void onControl(ControlMessage message);

        /** The message stream ended: the host stopped or the connection broke. Called at most once. */
        void onDisconnected(String reason);
    }

    private final String address;
    private final String clientId;
    private final Duration callTimeout;
    private final ManagedChannel channel;
    private final Executor callbacks;
    private final AgentRpcGrpc.AgentRpcBlockingStub blocking;
    private final AgentRpcGrpc.AgentRpcStub async;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable StreamSender<Message> messages;
    private volatile @Nullable StreamSender<ControlMessage> control;

    public HostConnection(String address, String clientId, int maxMessageBytes, Duration callTimeout,
            ConnectionSecurity security) {
        this.address = address;
        this.clientId = clientId;
        this.callTimeout = callTimeout;
        this.callbacks = Concurrency.newThreadPerTaskExecutor("autogen-grpc-worker-");
        this.channel = channelBuilder(address, security)
                .maxInboundMessageSize(maxMessageBytes)
                .executor(callbacks)
                .build();
        Metadata headers = new Metadata();
        headers.put(ClientIds.HEADER, clientId);
        if (security.token() != null) {
            headers.put(TokenCheck.AUTHORIZATION, TokenCheck.bearer(security.token()));
        }
        var withClientId = MetadataUtils.newAttachHeadersInterceptor(headers);
        this.blocking = AgentRpcGrpc.newBlockingStub(channel).withInterceptors(withClientId);
        this.async = AgentRpcGrpc.newStub(channel).withInterceptors(withClientId);
    }

    private static NettyChannelBuilder channelBuilder(String address, ConnectionSecurity security) {
        if (security.trustedCertificates() == null) {
            return NettyChannelBuilder.forTarget(address).usePlaintext();
        }
        try {
            return NettyChannelBuilder.forTarget(address, TlsChannelCredentials.newBuilder()
                    .trustManager(security.trustedCertificates().toFile()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted certificates '" + security.trustedCertificates()
                    + "': " + e.getMessage(), e);
        }
    }

    /** The host's address, as given. */
    public String address() {
        return address;
    }

    /**
     * Opens both streams and checks that the host answers.
     *
     * @throws IllegalStateException naming the address if the host cannot be reached
     */
    public void open(Listener listener) {
        messages = new StreamSender<>(address, async.openChannel(new StreamObserver<>() {
            @Override
            public void onNext(Message message) {
                listener.onMessage(message);
            }

            @Override
            public void onError(Throwable error) {
                ended(listener, describe(Status.fromThrowable(error)));
            }

            @Override
            public void onCompleted() {
                ended(listener, "the host closed the connection");
            }
        }));
        control = new StreamSender<>(address, async.openControlChannel(new StreamObserver<>() {
            @Override
            public void onNext(ControlMessage message) {
                listener.onControl(message);
            }

            @Override
            public void onError(Throwable error) {
                LOG.debug("control stream to {} ended: {}", address, Status.fromThrowable(error));
            }

            @Override
            public void onCompleted() {
                LOG.debug("control stream to {} ended", address);
            }
        }));
        call(() -> blocking.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .getSubscriptions(GetSubscriptionsRequest.getDefaultInstance()), "connect");
    }

    private void ended(Listener listener, String reason) {
        if (ended.compareAndSet(false, true)) {
            listener.onDisconnected(reason);
        }
    }

    /** Sends on the message stream; false if it has ended. */
    public boolean send(Message message) {
        StreamSender<Message> stream = messages;
        return !ended.get() && stream != null && stream.send(message);
    }

    /** Sends on the control stream; false if the message stream has ended. */
    public boolean sendControl(ControlMessage message) {
        StreamSender<ControlMessage> stream = control;
        return !ended.get() && stream != null && stream.send(message);
    }

    /** Whether the message stream has ended (or the connection was closed). */
    public boolean isEnded() {
        return ended.get();
    }

    /** @throws IllegalArgumentException if another worker serves the type */
    public void registerAgentType(String agentType) {
        call(() -> blocking.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .registerAgent(RegisterAgentTypeRequest.newBuilder().setType(agentType).build()),
                "register agent type '" + agentType + "'");
    }

    /** @throws IllegalArgumentException if the host has this subscription already */
    public void addSubscription(Subscription subscription) {
        call(() -> blocking.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .addSubscription(AddSubscriptionRequest.newBuilder()
                        .setSubscription(WireFormat.toProto(subscription)).build()),
                "add subscription " + subscription.id());
    }

    /** @throws IllegalArgumentException if the host has no such subscription */
    public void removeSubscription(String subscriptionId) {
        call(() -> blocking.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .removeSubscription(RemoveSubscriptionRequest.newBuilder().setId(subscriptionId).build()),
                "remove subscription " + subscriptionId);
    }

    private <T> T call(Supplier<T> body, String what) {
        try {
            return body.get();
        } catch (StatusRuntimeException e) {
            Status status = e.getStatus();
            if (status.getCode() == Status.Code.INVALID_ARGUMENT || status.getCode() == Status.Code.NOT_FOUND
                    || status.getCode() == Status.Code.ALREADY_EXISTS) {
                throw new IllegalArgumentException("the host at " + address + " refused to " + what + ": "
                        + status.getDescription(), e);
            }
            throw new IllegalStateException("cannot " + what + ": " + describe(status), e);
        }
    }

    private String describe(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE -> "the AutoGen host at " + address + " is unreachable"
                    + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
            case DEADLINE_EXCEEDED -> "the host at " + address + " did not answer within " + callTimeout.toMillis() + " ms";
            case CANCELLED -> "the connection to the host at " + address + " was closed";
            default -> "the host at " + address + " answered " + status.getCode()
                    + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
    }

    /** Ends both streams and the channel. */
    @Override
    public void close() {
        ended.set(true);
        StreamSender<Message> stream = messages;
        if (stream != null) {
            stream.complete();
        }
        StreamSender<ControlMessage> controlStream = control;
        if (controlStream != null) {
            controlStream.complete();
        }
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // The callback executor is not shut down: gRPC may still hand it the streams' last callbacks,
        // and a thread-per-task executor holds no threads when idle.
        LOG.debug("worker {} disconnected from {}", clientId, address);
    }
}
