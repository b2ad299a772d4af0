package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;
import dev.autogen.core.utils.RandomIds;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Delivers messages published to topics of one type to agents of one type, using the topic's source
 * as the agent key. With topic type {@code "default"} and source {@code "default"} every message goes
 * to the single agent {@code agentType/default}; with sources naming conversations, each
 * conversation gets its own agent instance.
 *
 * <!-- java-context: AgentRuntime runtime; -->
 * <pre>{@code
 * runtime.addSubscription(new TypeSubscription("tasks", "worker"));
 * }</pre>
 */
public class TypeSubscription implements Subscription {
    private final String topicType;
    private final String agentType;
    /** Null until first asked for when random: most subscriptions are never asked, and a UUID string is 80 bytes. */
    private volatile @Nullable String id;

    /** Subscribes agents of {@code agentType} to topics of {@code topicType}, with a random id. */
    public TypeSubscription(String topicType, String agentType) {
        this.topicType = Objects.requireNonNull(topicType, "topicType");
        this.agentType = Objects.requireNonNull(agentType, "agentType");
    }

    /** Same as {@link #TypeSubscription(String, String)} with a chosen id. */
    public TypeSubscription(String topicType, String agentType, String id) {
        this.topicType = Objects.requireNonNull(topicType, "topicType");
        this.agentType = Objects.requireNonNull(agentType, "agentType");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The topic type matched. */
    public final String topicType() {
        return topicType;
    }

    @Override
    public final String agentType() {
        return agentType;
    }

    @Override
    public final String id() {
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
    public final boolean isMatch(TopicId topicId) {
        return topicId.type().equals(topicType);
    }

    @Override
    public final AgentId mapToAgent(TopicId topicId) {
        if (!isMatch(topicId)) {
            throw new CantHandleException("topic " + topicId + " does not match subscription to '" + topicType + "'");
        }
        return new AgentId(agentType, topicId.source());
    }

    /** Equal when the ids are equal or both the topic type and agent type are, as in Python. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof TypeSubscription other
                && (this == other || (id != null && id.equals(other.id)) || (topicType.equals(other.topicType) && agentType.equals(other.agentType)));
    }

    @Override
    public final int hashCode() {
        return Objects.hash(topicType, agentType);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[topicType=" + topicType + ", agentType=" + agentType + ", id=" + id() + "]";
    }
}
