package dev.autogen.ext.runtimes.grpc.cluster.internal;

import java.util.List;

/**
 * What host nodes send each other, serialized by {@link ClusterMessageSerializer} (never Java
 * serialization). The AutoGen protocol messages inside travel as their protobuf bytes.
 */
public sealed interface ClusterMessage {
    /** Delivers an RPC to {@code targetClient} on the receiving node; the reply goes to {@code callerGateway} under {@code callId}. */
    record ForwardRequest(String targetClient, String callerGateway, long callId, byte[] request) implements ClusterMessage {
    }

    /** The reply (or error) to the call {@code callId} of the receiving node. */
    record ForwardResponse(long callId, byte[] response) implements ClusterMessage {
    }

    /** A published CloudEvent for these workers of the receiving node. */
    record ForwardEvent(List<String> clients, byte[] event) implements ClusterMessage {
    }

    /** A control message (save or load state) for {@code targetClient}; an error goes back to the origin. */
    record ForwardControl(String targetClient, String originClient, String originGateway, byte[] control)
            implements ClusterMessage {
    }

    /**
     * To the agent type's entity: {@code clientId}, connected to the node of {@code gateway} since
     * {@code since} (epoch millis), serves the type.
     */
    record RegisterType(String agentType, String clientId, String gateway, long since) implements ClusterMessage, ByType {
    }

    /** The entity's answer to {@link RegisterType}: empty error when accepted. */
    record Registration(String error) implements ClusterMessage {
    }

    /** To the agent type's entity: {@code clientId}, connected to the node of {@code gateway}, disconnected. */
    record ReleaseType(String agentType, String clientId, String gateway) implements ClusterMessage, ByType {
    }

    /** To the agent type's entity: forget an owner whose node left the cluster. */
    record NodeGone(String agentType, String nodeAddress) implements ClusterMessage, ByType {
    }

    /** A message for the sharded entity of one agent type. */
    interface ByType {
        String agentType();
    }
}
