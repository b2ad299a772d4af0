package dev.autogen.ext.runtimes.grpc.cluster.internal;

import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardControl;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardEvent;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardRequest;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ForwardResponse;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.Replicator;

/**
 * A node's mailbox in the cluster (one per node, at {@code /user/autogen-gateway}): other nodes send it
 * the requests, replies, events and control messages for the workers connected here; it also hears
 * of changes to the replicated directory and of nodes leaving the cluster. The work is
 * {@link ClusterRouting}'s.
 */
public final class NodeGateway extends AbstractActor {
    /** The gateway's actor name. */
    public static final String NAME = "autogen-gateway";

    private final ClusterRouting routing;

    private NodeGateway(ClusterRouting routing) {
        this.routing = routing;
    }

    public static Props props(ClusterRouting routing) {
        return Props.create(NodeGateway.class, () -> new NodeGateway(routing));
    }

    @Override
    public void preStart() {
        Cluster.get(getContext().getSystem()).subscribe(getSelf(), ClusterEvent.MemberRemoved.class);
        var replicator = DistributedData.get(getContext().getSystem()).replicator();
        replicator.tell(new Replicator.Subscribe<>(Directory.TYPES, getSelf()), getSelf());
        replicator.tell(new Replicator.Subscribe<>(Directory.SUBSCRIPTIONS, getSelf()), getSelf());
    }

    @Override
    public void postStop() {
        Cluster.get(getContext().getSystem()).unsubscribe(getSelf());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Receive createReceive() {
        return receiveBuilder()
                .match(ForwardRequest.class, routing::deliverRequest)
                .match(ForwardResponse.class, routing::deliverResponse)
                .match(ForwardEvent.class, routing::deliverEvent)
                .match(ForwardControl.class, routing::deliverControl)
                .match(Replicator.Changed.class, changed -> {
                    var entries = ((Replicator.Changed<LWWMap<String, String>>) changed).dataValue().getEntries();
                    if (changed.key().equals(Directory.TYPES)) {
                        routing.typesChanged(entries);
                    } else {
                        routing.subscriptionsChanged(entries);
                    }
                })
                .match(ClusterEvent.MemberRemoved.class, removed ->
                        routing.nodeRemoved(removed.member().address().toString()))
                .build();
    }
}
