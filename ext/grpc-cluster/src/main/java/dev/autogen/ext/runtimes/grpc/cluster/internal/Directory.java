package dev.autogen.ext.runtimes.grpc.cluster.internal;

import dev.autogen.core.Subscription;
import dev.autogen.ext.runtimes.grpc.internal.WireFormat;
import java.util.Base64;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;

/**
 * The replicated data of the cluster (Pekko Distributed Data) and how its entries are written: the
 * agent type directory ({@code agent type -> worker, gateway of its node}) and the subscriptions
 * ({@code subscription id -> worker, gateway, subscription}). A gateway is the actor path of a node's
 * {@link NodeGateway}, which names the node's address.
 */
public final class Directory {
    /** Agent type to its owner, written only by the type's {@link AgentTypeEntity}. */
    public static final Key<LWWMap<String, String>> TYPES = LWWMapKey.create("autogen-agent-types");
    /** Subscription id to its record, written by the node the subscribing worker is connected to. */
    public static final Key<LWWMap<String, String>> SUBSCRIPTIONS = LWWMapKey.create("autogen-subscriptions");

    private Directory() {
    }

    /**
     * Who serves an agent type: a worker, the gateway of the node it is connected to, and since when
     * (epoch millis; of two registrations of one worker through two nodes, the later connection wins).
     */
    public record Owner(String clientId, String gateway, long since) {
        public String encode() {
            return clientId + "\n" + gateway + "\n" + since;
        }

        public static Owner decode(String value) {
            String[] parts = value.split("\n", 3);
            return new Owner(parts[0], parts[1], parts.length > 2 ? Long.parseLong(parts[2]) : 0L);
        }

        public String node() {
            return nodeOf(gateway);
        }
    }

    /** A subscription and the worker that added it. */
    public record SubscriptionRecord(String clientId, String gateway, Subscription subscription) {
        public String encode() {
            return clientId + "\n" + gateway + "\n"
                    + Base64.getEncoder().encodeToString(WireFormat.toProto(subscription).toByteArray());
        }

        public static SubscriptionRecord decode(String value) {
            String[] parts = value.split("\n", 3);
            try {
                return new SubscriptionRecord(parts[0], parts[1], WireFormat.fromProto(
                        dev.autogen.ext.runtimes.grpc.internal.proto.Subscription.parseFrom(
                                Base64.getDecoder().decode(parts[2]))));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("damaged subscription record: " + e.getMessage(), e);
            }
        }

        public String node() {
            return nodeOf(gateway);
        }
    }

    /** The node address ({@code pekko://system@host:port}) of a gateway's actor path. */
    public static String nodeOf(String gatewayPath) {
        int user = gatewayPath.indexOf("/user/");
        return user < 0 ? gatewayPath : gatewayPath.substring(0, user);
    }
}
