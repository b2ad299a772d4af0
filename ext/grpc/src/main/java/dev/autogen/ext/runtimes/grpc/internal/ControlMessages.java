package dev.autogen.ext.runtimes.grpc.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.autogen.core.AgentId;
import dev.autogen.ext.runtimes.grpc.internal.proto.ControlMessage;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.LoadStateResponse;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateRequest;
import dev.autogen.ext.runtimes.grpc.internal.proto.SaveStateResponse;
import org.jspecify.annotations.Nullable;

/**
 * The control channel's messages: save and load state requests addressed to an agent
 * ({@code agentid=type/key}), and their replies addressed to the asking worker
 * ({@code clientid=ID}) under the same {@code rpc_id}.
 */
public final class ControlMessages {
    private ControlMessages() {
    }

    public static ControlMessage saveStateRequest(String rpcId, AgentId agent, String replyToClient) {
        return request(rpcId, agent, replyToClient,
                Any.pack(SaveStateRequest.newBuilder().setAgentId(WireFormat.toProto(agent)).build()));
    }

    public static ControlMessage loadStateRequest(String rpcId, AgentId agent, String stateJson, String replyToClient) {
        return request(rpcId, agent, replyToClient, Any.pack(LoadStateRequest.newBuilder()
                .setAgentId(WireFormat.toProto(agent)).setState(stateJson).build()));
    }

    private static ControlMessage request(String rpcId, AgentId agent, String replyToClient, Any body) {
        return ControlMessage.newBuilder()
                .setRpcId(rpcId)
                .setDestination(WireConstants.AGENT_ID_DESTINATION + agent)
                .setRespondTo(WireConstants.CLIENT_ID_DESTINATION + replyToClient)
                .setRpcMessage(body)
                .build();
    }

    /** A reply to {@code request} carrying {@code body}. */
    public static ControlMessage reply(ControlMessage request, com.google.protobuf.Message body) {
        return ControlMessage.newBuilder()
                .setRpcId(request.getRpcId())
                .setDestination(request.getRespondTo())
                .setRpcMessage(Any.pack(body))
                .build();
    }

    /** The error reply to a save or load request, or null for a message that wants none. */
    public static @Nullable ControlMessage errorReply(ControlMessage request, String error) {
        if (!isRequest(request)) {
            return null;
        }
        if (request.getRpcMessage().is(SaveStateRequest.class)) {
            return reply(request, SaveStateResponse.newBuilder().setError(error).build());
        }
        if (request.getRpcMessage().is(LoadStateRequest.class)) {
            return reply(request, LoadStateResponse.newBuilder().setError(error).build());
        }
        return null;
    }

    /** Whether the message asks for a reply (a reply has no {@code respond_to}). */
    public static boolean isRequest(ControlMessage message) {
        return message.hasRespondTo() && !message.getRespondTo().isEmpty();
    }

    /** Unpacks the body. @throws IllegalArgumentException if it is not of the given type */
    public static <T extends com.google.protobuf.Message> T body(ControlMessage message, Class<T> type) {
        try {
            return message.getRpcMessage().unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("control message " + message.getRpcId() + " does not carry a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
