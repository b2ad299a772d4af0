package dev.autogen.ext.runtimes.grpc;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How a worker reaches a host that is protected: the certificates it trusts for TLS and the token
 * it shows. {@link #NONE} is plaintext without a token, which a host on loopback accepts (and which
 * Python AutoGen's workers use).
 *
 * @param trustedCertificates PEM file of the certificates (or CA) to trust, or null for plaintext
 * @param token the host's token, or null
 */
public record ConnectionSecurity(@Nullable Path trustedCertificates, @Nullable String token) {
    /** Plaintext, no token. */
    public static final ConnectionSecurity NONE = new ConnectionSecurity(null, null);
}
