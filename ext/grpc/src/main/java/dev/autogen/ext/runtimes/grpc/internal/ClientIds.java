package dev.autogen.ext.runtimes.grpc.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Every call to the host names its worker in the {@code client-id} metadata, as Python's workers
 * send it; this interceptor refuses calls without one (as Python's host does) and makes the id
 * available to the service through {@link #current()}.
 */
public final class ClientIds implements ServerInterceptor {
    public static final Metadata.Key<String> HEADER =
            Metadata.Key.of(WireConstants.CLIENT_ID_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CLIENT_ID = Context.key("autogen-client-id");

    /** The id of the worker making the current call. */
    public static String current() {
        String id = CLIENT_ID.get();
        if (id == null) {
            throw new IllegalStateException("no client id in this call's context");
        }
        return id;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String clientId = headers.get(HEADER);
        if (clientId == null || clientId.isBlank()) {
            call.close(Status.INVALID_ARGUMENT.withDescription("client-id metadata not found."), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(CLIENT_ID, clientId), call, headers, next);
    }
}
