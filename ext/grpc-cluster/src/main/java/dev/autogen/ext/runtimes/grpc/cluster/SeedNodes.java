package dev.autogen.ext.runtimes.grpc.cluster;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Address;

/** Reads seed node addresses ({@code host:port} of other nodes' cluster ports), naming a bad one. */
final class SeedNodes {
    private SeedNodes() {
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not {@code host:port} with a port from 1 to 65535
     */
    static List<Address> parse(List<String> seedNodes, String systemName) {
        List<Address> addresses = new ArrayList<>();
        for (String raw : seedNodes) {
            String seed = raw.strip();
            String hostPort = seed;
            int scheme = seed.indexOf("://");
            if (scheme >= 0) {
                int at = seed.indexOf('@', scheme);
                hostPort = at < 0 ? "" : seed.substring(at + 1);
            }
            int colon = hostPort.lastIndexOf(':');
            String host = colon <= 0 ? "" : hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (host.isBlank() || host.contains("/") || host.contains(" ") || port < 1 || port > 65535) {
                throw new IllegalArgumentException("seed node '" + raw + "' is not HOST:PORT with a port from 1 to 65535"
                        + " (the cluster port of a host node, e.g. 127.0.0.1:2552)");
            }
            addresses.add(new Address("pekko", systemName, host, port));
        }
        return addresses;
    }
}
