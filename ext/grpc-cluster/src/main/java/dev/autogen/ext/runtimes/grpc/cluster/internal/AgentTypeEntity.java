package dev.autogen.ext.runtimes.grpc.cluster.internal;

import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ByType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.NodeGone;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.RegisterType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.Registration;
import dev.autogen.ext.runtimes.grpc.cluster.internal.ClusterMessage.ReleaseType;
import dev.autogen.ext.runtimes.grpc.cluster.internal.Directory.Owner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pekko.actor.AbstractActorWithStash;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.Replicator;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent type's entry of the directory, a Cluster Sharding entity keyed by the type: the one place
 * that decides which worker serves the type, so two workers connected to two nodes cannot both claim it.
 * Its decision is written to {@link Directory#TYPES} (to every reachable node before the worker is
 * answered), where every node reads it to route; an entity that starts on another node (the shard
 * moved to a node that joined, or from one that died) reads its entry back from a majority.
 */
public final class AgentTypeEntity extends AbstractActorWithStash {
    private static final Logger LOG = LoggerFactory.getLogger(AgentTypeEntity.class);
    /** The shard region's type name. */
    public static final String TYPE_NAME = "autogen-agent-type";

    private record Recovered(@Nullable Owner owner) {
    }

    private final String agentType;
    private final ActorRef replicator;
    private final SelfUniqueAddress node;
    private final Cluster cluster;
    private final Duration writeTimeout;
    private @Nullable Owner owner;

    private AgentTypeEntity(Duration writeTimeout) {
        this.agentType = URLDecoder.decode(getSelf().path().name(), StandardCharsets.UTF_8);
        this.replicator = DistributedData.get(getContext().getSystem()).replicator();
        this.node = DistributedData.get(getContext().getSystem()).selfUniqueAddress();
        this.cluster = Cluster.get(getContext().getSystem());
        this.writeTimeout = writeTimeout;
    }

    public static Props props(Duration writeTimeout) {
        return Props.create(AgentTypeEntity.class, () -> new AgentTypeEntity(writeTimeout));
    }

    /** Routes messages to the entity of their agent type, spread over {@code shards} shards. */
    public static ShardRegion.MessageExtractor extractor(int shards) {
        return new ShardRegion.HashCodeMessageExtractor(shards) {
            @Override
            public String entityId(Object message) {
                return message instanceof ByType byType ? byType.agentType() : null;
            }
        };
    }

    @Override
    public void preStart() {
        var read = new Replicator.Get<>(Directory.TYPES, new Replicator.ReadMajority(writeTimeout));
        Patterns.ask(replicator, read, writeTimeout.plusSeconds(1)).handle((reply, error) -> {
            if (reply instanceof Replicator.GetSuccess<?> success) {
                @SuppressWarnings("unchecked")
                LWWMap<String, String> map = (LWWMap<String, String>) success.dataValue();
                String value = map.getEntries().get(agentType);
                return new Recovered(value == null ? null : Owner.decode(value));
            }
            return new Recovered(null);
        }).thenAccept(recovered -> getSelf().tell(recovered, ActorRef.noSender()));
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Recovered.class, r -> {
                    owner = r.owner();
                    LOG.debug("agent type '{}' starts on this node, served by {}", agentType, owner);
                    getContext().become(active());
                    unstashAll();
                })
                .matchAny(m -> stash())
                .build();
    }

    private Receive active() {
        return receiveBuilder()
                .match(RegisterType.class, this::register)
                .match(ReleaseType.class, r -> {
                    if (owner != null && owner.clientId().equals(r.clientId()) && owner.gateway().equals(r.gateway())) {
                        forget("its worker " + r.clientId() + " disconnected");
                    }
                })
                .match(NodeGone.class, g -> {
                    if (owner != null && owner.node().equals(g.nodeAddress())) {
                        forget("the node " + g.nodeAddress() + " of its worker left the cluster");
                    }
                })
                .build();
    }

    private void register(RegisterType r) {
        ActorRef replyTo = getSender();
        if (owner != null && !owner.clientId().equals(r.clientId()) && isMember(owner.node())) {
            replyTo.tell(new Registration("Agent type " + agentType + " already registered with client "
                    + owner.clientId() + "."), getSelf());
            return;
        }
        if (owner != null && owner.clientId().equals(r.clientId()) && !owner.gateway().equals(r.gateway())
                && owner.since() > r.since()) {
            // a registration made through a node the worker has left since (it waited while a shard moved)
            replyTo.tell(new Registration("worker " + r.clientId() + " has reconnected through another host node"
                    + " since; this registration is out of date"), getSelf());
            return;
        }
        owner = new Owner(r.clientId(), r.gateway(), r.since());
        Owner written = owner;
        var update = new Replicator.Update<>(Directory.TYPES, LWWMap.<String, String>create(),
                new Replicator.WriteAll(writeTimeout), (LWWMap<String, String> map) -> map.put(node, agentType, written.encode()));
        // Answered once every reachable node has the entry (or the wait ran out: the entry still spreads),
        // so a worker on any node can call the type as soon as its worker's registration returns.
        Patterns.ask(replicator, update, writeTimeout.plusSeconds(1))
                .whenComplete((reply, error) -> replyTo.tell(new Registration(""), ActorRef.noSender()));
        LOG.debug("agent type '{}' is served by worker {} at {}", agentType, r.clientId(), r.gateway());
    }

    private void forget(String why) {
        owner = null;
        replicator.tell(new Replicator.Update<>(Directory.TYPES, LWWMap.<String, String>create(),
                new Replicator.WriteMajority(writeTimeout), (LWWMap<String, String> map) -> map.remove(node, agentType)),
                ActorRef.noSender());
        LOG.info("agent type '{}' is no longer served: {}", agentType, why);
    }

    private boolean isMember(String nodeAddress) {
        for (Member member : cluster.state().getMembers()) {
            if (member.address().toString().equals(nodeAddress)) {
                MemberStatus status = member.status();
                return status != MemberStatus.down() && status != MemberStatus.removed()
                        && status != MemberStatus.exiting() && status != MemberStatus.leaving();
            }
        }
        return false;
    }
}
