package dev.autogen.ext.runtimes.grpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.core.AgentId;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import dev.autogen.ext.runtimes.grpc.internal.proto.CloudEvent;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.RpcResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what other workers send to this worker's agents: RPC requests (replying with the handler's
 * result or error), published CloudEvents, and save/load state requests. Each message is handled as
 * a run of its own (a listener from the worker's factory) that starts from the metadata it carries,
 * so a trace continues across processes.
 */
public final class InboundDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final LocalAgents local;
    private final PayloadCodec codec;
    private final RuntimeListener.Factory listenerFactory;
    private final Supplier<@Nullable HostConnection> connection;
    private final Executor blockingWork;
    private final OwnEvents ownEvents;

    public InboundDispatcher(LocalAgents local, PayloadCodec codec, RuntimeListener.Factory listenerFactory,
            Supplier<@Nullable HostConnection> connection, Executor blockingWork, OwnEvents ownEvents) {
        this.local = local;
        this.codec = codec;
        this.listenerFactory = listenerFactory;
        this.connection = connection;
        this.blockingWork = blockingWork;
        this.ownEvents = ownEvents;
    }

    /**
     * Delivers a request to the local agent and sends back its reply or error on the connection it came
     * from (the host numbered the request for that connection; a worker that reconnected meanwhile
     * has the host fail it).
     */
    public void request(RpcRequest request, HostConnection from) {
        String target = WireFormat.describe(request.getTarget());
        CompletableFuture<@Nullable Object> reply;
        try {
            AgentId recipient = WireFormat.fromProto(request.getTarget());
            Optional<AgentId> sender = request.hasSource() ? Optional.of(WireFormat.fromProto(request.getSource()))
                    : Optional.empty();
            Object message = codec.decode(EncodedMessage.of(request.getPayload()));
            if (message == null) {
                throw new IllegalArgumentException("the message for agent " + target + " is null");
            }
            MessageContext context = new MessageContext(sender, Optional.empty(), true, new CancellationToken(),
                    request.getRequestId(), request.getMetadataMap());
            reply = inRun(message, context, () -> local.sendMessageAsync(message, recipient, sender.orElse(null), null,
                    request.getRequestId()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((result, error) -> respond(request, target, result, error, from));
    }

    private void respond(RpcRequest request, String target, @Nullable Object result, @Nullable Throwable error,
            HostConnection host) {
        RpcResponse.Builder response = RpcResponse.newBuilder().setRequestId(request.getRequestId());
        if (error == null) {
            try {
                response.setPayload(codec.encode(result).toPayload());
            } catch (RuntimeException e) {
                error = new IllegalArgumentException("agent " + target + " replied with a message that cannot travel: "
                        + e.getMessage(), e);
            }
        }
        if (error != null) {
            response.clearPayload().setError(errorText(error));
        }
        if (!host.send(Message.newBuilder().setResponse(response).build())) {
            LOG.warn("could not send the reply of agent {} to request {}: not connected to the host", target,
                    request.getRequestId());
        }
    }

    /** Delivers a published message to this worker's subscribed agents, except its publisher. */
    public void event(CloudEvent event) {
        if (ownEvents.returned(event.getId())) {
            return; // published here and delivered to this worker's agents then
        }
        try {
            TopicId topic = new TopicId(event.getType(), event.getSource());
            Optional<AgentId> sender = WireFormat.eventSender(event);
            Object message = codec.decode(WireFormat.eventMessage(event));
            if (message == null) {
                LOG.warn("dropped a null message published to {}", topic);
                return;
            }
            MessageContext context = new MessageContext(sender, Optional.of(topic), false, new CancellationToken(),
                    event.getId(), WireFormat.eventMetadata(event));
            inRun(message, context, () -> {
                local.publishMessage(message, topic, sender.orElse(null), null, event.getId());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("could not deliver message {} published to {}/{}: {}", event.getId(), event.getType(),
                    event.getSource(), e.getMessage(), e);
        }
    }

    /** Answers a save or load state request for a local agent, on a thread of its own (it may wait for a handler). */
    public void controlRequest(ControlMessage request, HostConnection from) {
        blockingWork.execute(() -> {
            ControlMessage reply = answer(request);
            if (reply != null && !from.sendControl(reply)) {
                LOG.warn("could not answer control request {}: not connected to the host", request.getRpcId());
            }
        });
    }

    private @Nullable ControlMessage answer(ControlMessage request) {
        if (request.getRpcMessage().is(SaveStateRequest.class)) {
            return stateCall(request, r -> {
                AgentId agent = WireFormat.fromProto(ControlMessages.body(r, SaveStateRequest.class).getAgentId());
                return SaveStateResponse.newBuilder().setState(json(local.agentSaveState(agent))).build();
            }, error -> SaveStateResponse.newBuilder().setError(error).build());
        }
        if (request.getRpcMessage().is(LoadStateRequest.class)) {
            return stateCall(request, r -> {
                LoadStateRequest load = ControlMessages.body(r, LoadStateRequest.class);
                local.agentLoadState(WireFormat.fromProto(load.getAgentId()), state(load.getState()));
                return LoadStateResponse.getDefaultInstance();
            }, error -> LoadStateResponse.newBuilder().setError(error).build());
        }
        LOG.warn("ignored control message {} carrying {}", request.getRpcId(), request.getRpcMessage().getTypeUrl());
        return null;
    }

    private static ControlMessage stateCall(ControlMessage request,
            Function<ControlMessage, com.google.protobuf.Message> body, Function<String, com.google.protobuf.Message> failed) {
        try {
            return ControlMessages.reply(request, body.apply(request));
        } catch (RuntimeException e) {
            return ControlMessages.reply(request, failed.apply(errorText(e)));
        }
    }

    private <T> T inRun(Object message, MessageContext context, MessageHandlerContext.ThrowingSupplier<T> body) {
        RuntimeListener listener = listenerFactory.create(message);
        try {
            return MessageHandlerContext.callIn(new MessageHandlerContext.Frame(null, context, listener), body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** What travels in an error field: the exception's message, as Python sends {@code str(e)}. */
    static String errorText(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message != null && !message.isBlank() ? message : "the handler failed without a message";
    }

    private static String json(Map<String, Object> state) {
        try {
            return AutogenJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a JSON object */
    public static Map<String, Object> state(String json) {
        try {
            Map<String, Object> state = AutogenJson.mapper().readValue(json, STATE);
            if (state == null) {
                throw new IllegalArgumentException("the state is null, not a JSON object");
            }
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state is not a JSON object" + JsonErrors.syntax(e), e);
        }
    }

    /** {@link #json} for callers outside. */
    public static String stateJson(Map<String, Object> state) {
        return json(state);
    }
}
