package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;
import dev.autogen.core.utils.RandomIds;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Delivers messages published to every topic type that starts with a prefix to agents of one type,
 * using the topic's source as the agent key. The runtime uses {@code "<agentType>:"} prefixes to
 * let agents receive messages published directly to them.
 */
public final class TypePrefixSubscription implements Subscription {
    private final String topicTypePrefix;
    private final String agentType;
    /** Null until first asked for when random: most subscriptions are never asked, and a UUID string is 80 bytes. */
    private volatile @Nullable String id;

    /** Subscribes agents of {@code agentType} to topic types starting with {@code topicTypePrefix}. */
    public TypePrefixSubscription(String topicTypePrefix, String agentType) {
        this.topicTypePrefix = Objects.requireNonNull(topicTypePrefix, "topicTypePrefix");
        this.agentType = Objects.requireNonNull(agentType, "agentType");
    }

    /** Same as {@link #TypePrefixSubscription(String, String)} with a chosen id. */
    public TypePrefixSubscription(String topicTypePrefix, String agentType, String id) {
        this.topicTypePrefix = Objects.requireNonNull(topicTypePrefix, "topicTypePrefix");
        this.agentType = Objects.requireNonNull(agentType, "agentType");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The prefix matched. */
    public String topicTypePrefix() {
        return topicTypePrefix;
    }

    @Override
    public String agentType() {
        return agentType;
    }

    @Override
    public String id() {
        String known = id;
        if (known == null) {
            synchronized (this) {
                known = id;
                if (known == null) {
                    known = RandomIds.uuid4();
                    id = known;
                }
            }
        }
        return known;
    }

    @Override
    public boolean isMatch(TopicId topicId) {
        return topicId.type().startsWith(topicTypePrefix);
    }

    @Override
    public AgentId mapToAgent(TopicId topicId) {
        if (!isMatch(topicId)) {
            throw new CantHandleException("topic " + topicId + " does not match prefix '" + topicTypePrefix + "'");
        }
        return new AgentId(agentType, topicId.source());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypePrefixSubscription other
                && (this == other || (id != null && id.equals(other.id))
                        || (topicTypePrefix.equals(other.topicTypePrefix) && agentType.equals(other.agentType)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicTypePrefix, agentType);
    }

    @Override
    public String toString() {
        return "TypePrefixSubscription[prefix=" + topicTypePrefix + ", agentType=" + agentType + ", id=" + id() + "]";
    }
}
