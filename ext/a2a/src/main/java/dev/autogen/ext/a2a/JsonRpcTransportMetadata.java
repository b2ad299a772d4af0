package dev.autogen.ext.a2a;

import io.a2a.server.TransportMetadata;
import io.a2a.spec.TransportProtocol;

/**
 * Tells the A2A SDK's card check that this module serves the JSON-RPC transport (internal; found by
 * {@link java.util.ServiceLoader}).
 */
public final class JsonRpcTransportMetadata implements TransportMetadata {
    @Override
    public String getTransportProtocol() {
        return TransportProtocol.JSONRPC.asString();
    }
}
