package dev.autogen.core.utils;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * The access rule every server of the project follows: it binds loopback unless told otherwise, and
 * one that other machines reach needs a bearer token, compared in constant time.
 */
public final class ServerAccess {
    private ServerAccess() {
    }

    /**
     * Checks that a server about to listen on {@code bindAddress} has a token unless the address is a
     * loopback one.
     *
     * @param server how the message names the server, e.g. {@code "the A2A server"}
     * @throws IllegalArgumentException if the address reaches other machines and there is no token
     */
    public static InetSocketAddress requireTokenOffLoopback(String server, String bindAddress, int port,
            @Nullable String token) {
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        if (token == null && (address.getAddress() == null || !address.getAddress().isLoopbackAddress())) {
            throw new IllegalArgumentException(server + " would listen on " + bindAddress + ", which other machines"
                    + " reach, without a token: give it one, or bind 127.0.0.1");
        }
        return address;
    }

    /** Whether an {@code Authorization} header carries {@code Bearer token}; always true without a token. */
    public static boolean bearerMatches(@Nullable String token, @Nullable String authorizationHeader) {
        if (token == null) {
            return true;
        }
        return authorizationHeader != null && MessageDigest.isEqual(
                ("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorizationHeader.getBytes(StandardCharsets.UTF_8));
    }
}
