package dev.autogen.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells code running inside a message handler what it runs for: the agent, the message's context
 * and the run's {@link RuntimeListener}. The runtime sets it around each handler call;
 * {@link DefaultTopicId} uses it to pick the topic source, and agents use it to report turns, tool
 * calls and model calls to the run's listener. Threads started through
 * {@link dev.autogen.core.utils.Concurrency} carry it over.
 */
public final class MessageHandlerContext {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private MessageHandlerContext() {
    }

    /**
     * What a handler runs for.
     *
     * @param agentId the agent handling the message; null for a run watched from outside any agent
     *     ({@link #callWatched})
     * @param messageContext the message's context, if known
     * @param listener the listener of the run the message belongs to
     */
    public record Frame(@Nullable AgentId agentId, @Nullable MessageContext messageContext, RuntimeListener listener) {
    }

    /** The agent whose handler runs on this thread, if any. */
    public static Optional<AgentId> currentAgentId() {
        Frame frame = CURRENT.get();
        return frame == null ? Optional.empty() : Optional.ofNullable(frame.agentId());
    }

    /**
     * Runs {@code body} as one run watched by {@code listener}: what it sends or publishes to any
     * runtime reports to {@code listener} instead of a listener from the runtime's factory, and so
     * do the model and tool calls of an agent it runs directly. For code that starts runs it does not
     * build the runtime of, such as a command line running a team loaded from a config:
     *
     * <!-- java-context: import dev.autogen.agentchat.base.TaskResult; import dev.autogen.agentchat.base.Team;
     *      Team team; RuntimeListener listener; -->
     * <pre>{@code
     * TaskResult result = MessageHandlerContext.callWatched(listener, () -> team.run("Write a haiku."));
     * }</pre>
     */
    public static <T> T callWatched(RuntimeListener listener, ThrowingSupplier<T> body) throws Exception {
        Frame current = CURRENT.get();
        return callIn(new Frame(current == null ? null : current.agentId(),
                current == null ? null : current.messageContext(), listener), body);
    }

    /** The context of the message handled on this thread, if any. */
    public static Optional<MessageContext> currentMessageContext() {
        Frame frame = CURRENT.get();
        return frame == null ? Optional.empty() : Optional.ofNullable(frame.messageContext());
    }

    /** The listener of the run this thread works for; {@link RuntimeListener#NONE} outside any run. */
    public static RuntimeListener currentListener() {
        Frame frame = CURRENT.get();
        return frame == null ? RuntimeListener.NONE : frame.listener();
    }

    /** What this thread runs for, to carry it to another thread; null outside any handler. */
    public static @Nullable Frame current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code body} with {@code agentId} as the current agent, keeping the current run's
     * listener and message context. Meant for runtimes; agents never need to call it.
     */
    public static <T> T callAs(AgentId agentId, ThrowingSupplier<T> body) throws Exception {
        Frame current = CURRENT.get();
        return callIn(current == null ? new Frame(agentId, null, RuntimeListener.NONE)
                : new Frame(agentId, current.messageContext(), current.listener()), body);
    }

    /** Runs {@code body} in {@code frame} (none when null), as on the thread it was taken from. */
    public static <T> T callIn(@Nullable Frame frame, ThrowingSupplier<T> body) throws Exception {
        Frame previous = enter(frame);
        try {
            return body.get();
        } finally {
            exit(previous);
        }
    }

    /** Makes {@code frame} current; returns the previous one for {@link #exit}. For runtimes only. */
    public static @Nullable Frame enter(@Nullable Frame frame) {
        Frame previous = CURRENT.get();
        if (frame == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(frame);
        }
        return previous;
    }

    /** Restores the frame {@link #enter} returned. For runtimes only. */
    public static void exit(@Nullable Frame previous) {
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
