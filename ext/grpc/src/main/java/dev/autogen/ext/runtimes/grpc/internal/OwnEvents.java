package dev.autogen.ext.runtimes.grpc.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of events this worker published and already delivered to its own subscribers, which the host
 * will send back (it sends an event to every worker with a subscriber, the publisher's included): each
 * is dropped once when it returns. Delivering locally at once keeps a worker's own agents in the order
 * of the in-process runtime (a message published and then sent to a local agent arrives first).
 */
public final class OwnEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OwnEvents.class);
    /** Returns the host never sends (it lost the subscription meanwhile) must not grow without end. */
    private static final int LIMIT = 100_000;

    private final Set<String> awaited = ConcurrentHashMap.newKeySet();

    /** The event {@code id} was delivered here; its return from the host is to be dropped. */
    public void delivered(String id) {
        if (awaited.size() >= LIMIT) {
            LOG.warn("{} published events never came back from the host; forgetting them", awaited.size());
            awaited.clear();
        }
        awaited.add(id);
    }

    /** The event was not sent after all. */
    public void cancel(String id) {
        awaited.remove(id);
    }

    /** Whether an event from the host is one of ours, already delivered; true only once per id. */
    public boolean returned(String id) {
        return awaited.remove(id);
    }
}
