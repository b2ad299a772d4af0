package dev.autogen.studio.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.ext.tools.mcp.McpServerParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The MCP playground's sessions. {@code POST /api/mcp/ws/connect} registers a server's parameters
 * under a new id (pending); the socket of that id takes them once (a second socket, or one after
 * {@link #PENDING_TTL}, finds nothing), so a socket can only reach a server the API was asked for. At
 * most {@link #MAX_PENDING} wait at a time (the oldest are dropped). Connected sessions are kept for
 * {@code GET /api/mcp/ws/status/{id}} until their socket closes.
 */
public final class McpSessions {
    /** How long registered parameters wait for their socket. */
    public static final Duration PENDING_TTL = Duration.ofMinutes(5);
    /** How many registrations may wait at once. */
    public static final int MAX_PENDING = 100;

    /** What a socket needs to connect: the server and the user whose settings decide about starting it. */
    public record Pending(McpServerParams params, String userId, Instant registered) {
    }

    /** A connected session, for the status route. */
    public record Active(Instant createdAt, Instant lastActivity, @Nullable JsonNode capabilities) {
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    /** Sessions timed by {@code clock}. */
    public McpSessions(Clock clock) {
        this.clock = clock;
    }

    /** Registers {@code params} for {@code userId}; returns the new session id. */
    public String register(McpServerParams params, String userId) {
        String id = UUID.randomUUID().toString();
        lock.lock();
        try {
            dropExpired();
            while (pending.size() >= MAX_PENDING) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            pending.put(id, new Pending(params, userId, clock.instant()));
        } finally {
            lock.unlock();
        }
        return id;
    }

    /** The parameters registered under {@code id}, removed; empty if unknown, taken or expired. */
    public Optional<Pending> take(String id) {
        lock.lock();
        try {
            dropExpired();
            return Optional.ofNullable(pending.remove(id));
        } finally {
            lock.unlock();
        }
    }

    private void dropExpired() {
        Instant oldest = clock.instant().minus(PENDING_TTL);
        pending.values().removeIf(p -> p.registered().isBefore(oldest));
    }

    /** Marks {@code id} connected, with the server's capabilities. */
    void connected(String id, @Nullable JsonNode capabilities) {
        Instant now = clock.instant();
        active.put(id, new Active(now, now, capabilities));
    }

    /** Notes activity on {@code id}. */
    void touch(String id) {
        active.computeIfPresent(id, (key, a) -> new Active(a.createdAt(), clock.instant(), a.capabilities()));
    }

    /** Forgets {@code id}: its socket closed. */
    void ended(String id) {
        active.remove(id);
    }

    /** The connected session {@code id}, its activity noted (as Python's status route does). */
    public Optional<Active> status(String id) {
        touch(id);
        return Optional.ofNullable(active.get(id));
    }
}
