package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's subscriptions, each owned by the worker that added it (and removed when that worker
 * leaves), and which agent types a topic reaches. Reads are lock-free; the agent types of recent
 * topics are cached until the next change.
 */
public final class SubscriptionTable {
    private static final int CACHE_LIMIT = 10_000;

    private record Entry(Subscription subscription, String clientId) {
    }

    private volatile List<Entry> entries = List.of();
    private final ConcurrentHashMap<TopicId, Set<String>> agentTypesByTopic = new ConcurrentHashMap<>();

    /**
     * Adds a subscription for a worker. The same worker adding the same subscription again (after it
     * reconnected, say) changes nothing.
     *
     * @throws IllegalArgumentException if one with the same id, or the same topic and agent type, exists
     */
    public synchronized void add(String clientId, Subscription subscription) {
        for (Entry entry : entries) {
            if (entry.clientId.equals(clientId) && entry.subscription.id().equals(subscription.id())
                    && entry.subscription.equals(subscription)) {
                return;
            }
            if (entry.subscription.id().equals(subscription.id()) || entry.subscription.equals(subscription)) {
                throw new IllegalArgumentException("subscription already exists: " + subscription);
            }
        }
        List<Entry> updated = new ArrayList<>(entries);
        updated.add(new Entry(subscription, clientId));
        replace(updated);
    }

    /** Removes a subscription by id; false if there is none. */
    public synchronized boolean remove(String subscriptionId) {
        List<Entry> updated = new ArrayList<>(entries);
        boolean removed = updated.removeIf(e -> e.subscription.id().equals(subscriptionId));
        if (removed) {
            replace(updated);
        }
        return removed;
    }

    /** Removes every subscription a worker added; returns how many. */
    public synchronized int removeAll(String clientId) {
        List<Entry> updated = new ArrayList<>(entries);
        int before = updated.size();
        updated.removeIf(e -> e.clientId.equals(clientId));
        if (updated.size() != before) {
            replace(updated);
        }
        return before - updated.size();
    }

    /** Every subscription, in the order added. */
    public List<Subscription> all() {
        return entries.stream().map(Entry::subscription).toList();
    }

    /** The agent types that subscriptions matching the topic deliver to. */
    public Set<String> agentTypesFor(TopicId topic) {
        Set<String> cached = agentTypesByTopic.get(topic);
        if (cached != null) {
            return cached;
        }
        List<Entry> current = entries;
        Set<String> types = new LinkedHashSet<>();
        for (Entry entry : current) {
            if (entry.subscription.isMatch(topic)) {
                types.add(entry.subscription.agentType());
            }
        }
        Set<String> result = Set.copyOf(types);
        if (agentTypesByTopic.size() >= CACHE_LIMIT) {
            agentTypesByTopic.clear();
        }
        agentTypesByTopic.put(topic, result);
        if (current != entries) {
            agentTypesByTopic.remove(topic); // changed meanwhile: the result may be stale
        }
        return result;
    }

    private void replace(List<Entry> updated) {
        entries = List.copyOf(updated);
        agentTypesByTopic.clear();
    }
}
