package dev.autogen.core;

import java.util.Optional;

/**
 * Tells code running inside a message handler which agent it runs for. The runtime sets it around
 * each handler call; {@link DefaultTopicId} uses it to pick the topic source.
 */
public final class MessageHandlerContext {
    private static final ThreadLocal<AgentId> CURRENT = new ThreadLocal<>();

    private MessageHandlerContext() {
    }

    /** The agent whose handler runs on this thread, if any. */
    public static Optional<AgentId> currentAgentId() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs {@code body} with {@code agentId} as the current agent. Meant for runtimes; agents never
     * need to call it.
     */
    public static <T> T callAs(AgentId agentId, ThrowingSupplier<T> body) throws Exception {
        AgentId previous = enter(agentId);
        try {
            return body.get();
        } finally {
            exit(previous);
        }
    }

    /** Makes {@code agentId} the current agent; returns the previous one for {@link #exit}. For runtimes only. */
    public static @org.jspecify.annotations.Nullable AgentId enter(AgentId agentId) {
        AgentId previous = CURRENT.get();
        CURRENT.set(agentId);
        return previous;
    }

    /** Restores the agent {@link #enter} returned. For runtimes only. */
    public static void exit(@org.jspecify.annotations.Nullable AgentId previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A supplier that may throw, for {@link #callAs}. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
