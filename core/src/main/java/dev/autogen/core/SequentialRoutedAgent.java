package dev.autogen.core;

import dev.autogen.core.utils.Concurrency;
import dev.autogen.core.utils.SerialLane;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RoutedAgent} that handles messages of the listed types one at a time, in the order they
 * arrive, while every other message is handled at once, even in the middle of such a turn: Python's
 * {@code SequentialRoutedAgent(description, sequential_message_types)}. Group-chat managers and
 * containers work this way so that a pause or resume request reaches them during a long turn.
 *
 * <!-- java-context: record Task(String text) {} record Pause() {} -->
 * <pre>{@code
 * @DefaultSubscribed
 * final class Worker extends SequentialRoutedAgent {
 *     private volatile boolean paused;
 *
 *     Worker(AgentInstantiationContext ctx) { super(ctx, "Works through tasks in order.", List.of(Task.class)); }
 *
 *     @Event
 *     void onTask(Task task, MessageContext ctx) { }   // one task at a time, in arrival order
 *
 *     @Event
 *     void onPause(Pause pause, MessageContext ctx) { paused = true; }   // at once, even during a task
 * }
 * }</pre>
 *
 * <p>The runtime still hands this agent one message at a time; a message of a sequential type is put
 * in line and handled on the agent's own virtual thread, so the runtime can hand over the next
 * message at once. A published one counts as being handled until its turn is over
 * ({@link AgentRuntime#stopWhenIdle()} waits for it); a direct one is answered when its turn is over,
 * and until then the agent takes no other message. A message whose cancellation token is cancelled
 * while it waits in line is dropped with {@link CancellationException}; cancelling it during its turn
 * interrupts the handler. Handlers of other messages may run at the same time as a sequential one, so
 * state they share needs {@code volatile} fields or a lock.
 */
public abstract class SequentialRoutedAgent extends RoutedAgent {
    private final List<Class<?>> sequentialMessageTypes;
    private final SerialLane lane = new SerialLane("autogen-sequence");

    /**
     * For agents created by a factory.
     *
     * @param sequentialMessageTypes messages that are instances of any of these (subtypes included) are
     *     handled one at a time, in arrival order
     */
    protected SequentialRoutedAgent(AgentInstantiationContext context, String description,
            Collection<? extends Class<?>> sequentialMessageTypes) {
        super(context, description);
        this.sequentialMessageTypes = List.copyOf(Objects.requireNonNull(sequentialMessageTypes, "sequentialMessageTypes"));
    }

    /** For agents registered with {@link AgentRuntime#registerAgentInstance}. */
    protected SequentialRoutedAgent(String description, Collection<? extends Class<?>> sequentialMessageTypes) {
        super(description);
        this.sequentialMessageTypes = List.copyOf(Objects.requireNonNull(sequentialMessageTypes, "sequentialMessageTypes"));
    }

    /** The types whose messages are handled one at a time, in arrival order. */
    public final List<Class<?>> sequentialMessageTypes() {
        return sequentialMessageTypes;
    }

    /** Whether {@code message} waits for its turn: it is an instance of one of the sequential types. */
    protected boolean isSequential(Object message) {
        for (Class<?> type : sequentialMessageTypes) {
            if (type.isInstance(message)) {
                return true;
            }
        }
        return false;
    }

    @Override
    final @Nullable Object route(Object message, MessageContext context) throws Exception {
        if (!isSequential(message)) {
            return dispatch(message, context);
        }
        CompletableFuture<@Nullable Object> done = new CompletableFuture<>();
        MessageHandlerContext.Frame frame = MessageHandlerContext.current();
        CancellationToken token = context.cancellationToken();
        Runnable turn = () -> {
            if (token.isCancelled()) {
                done.completeExceptionally(new CancellationException("the " + message.getClass().getSimpleName()
                        + " for " + id() + " was cancelled while it waited for its turn"));
                return;
            }
            try (var scope = Concurrency.interruptOnCancel(token)) {
                done.complete(MessageHandlerContext.callIn(frame, () -> dispatch(message, context)));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                Thread.interrupted();   // an interrupt meant for this turn must not reach the next one
            }
        };
        if (context.isRpc()) {
            lane.submit(turn);
            return AgentRuntime.await(done);
        }
        lane.submitWithoutWaiting(turn);
        return done;
    }
}
