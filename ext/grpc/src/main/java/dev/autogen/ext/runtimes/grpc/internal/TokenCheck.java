package dev.autogen.ext.runtimes.grpc.internal;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses every call to the host that does not carry its token as {@code authorization: Bearer TOKEN}
 * metadata, comparing in constant time.
 */
public final class TokenCheck implements ServerInterceptor {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    public TokenCheck(String token) {
        this.expected = bearer(token).getBytes(StandardCharsets.UTF_8);
    }

    /** The metadata value that carries {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String given = headers.get(AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            call.close(Status.UNAUTHENTICATED.withDescription(given == null
                    ? "this host needs a token; give the worker the host's token"
                    : "the token does not match the host's"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}
