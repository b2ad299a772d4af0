package dev.autogen.ext.runtimes.grpc;

import dev.autogen.core.AgentId;
import dev.autogen.core.exceptions.AgentRuntimeException;

/**
 * A direct message to an agent on another worker failed: the agent's handler threw (the message is
 * what it said, as Python's worker sends {@code str(e)}), no worker serves its type, its worker left
 * before replying, or the connection to the host was lost.
 */
public class RemoteAgentException extends AgentRuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AgentId agentId;
    private final String remoteError;

    /**
     * @param agentId the agent the message was for
     * @param remoteError what the other side (or the host) reported
     */
    public RemoteAgentException(AgentId agentId, String remoteError) {
        super("request to agent " + agentId + " failed: " + remoteError);
        this.agentId = agentId;
        this.remoteError = remoteError;
    }

    /** The agent the message was for. */
    public AgentId agentId() {
        return agentId;
    }

    /** The error as the other side reported it, without this exception's prefix. */
    public String remoteError() {
        return remoteError;
    }
}
