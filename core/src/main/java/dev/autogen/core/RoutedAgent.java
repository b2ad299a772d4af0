package dev.autogen.core;

import dev.autogen.core.exceptions.CantHandleException;
import dev.autogen.core.internal.HandlerTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent whose messages are handled by annotated methods, one per message type: the usual base
 * class for agents.
 *
 * <!-- java-context: record Message(int content) {} record Ping(int seq) {} record Pong(int seq) {} -->
 * <pre>{@code
 * @DefaultSubscribed
 * final class Checker extends RoutedAgent {
 *     Checker(AgentInstantiationContext ctx) { super(ctx, "A checker agent."); }
 *
 *     @Event
 *     void onNumber(Message message, MessageContext ctx) {
 *         publishMessage(new Message(message.content()), DefaultTopicId.create());
 *     }
 *
 *     @Rpc
 *     Pong onPing(Ping ping) { return new Pong(ping.seq()); }
 * }
 * }</pre>
 *
 * <p>Handlers are found once per class when it is first used or registered, and a bad signature
 * fails then, not on the first message. A message goes to the first handler that accepts it:
 * handlers of the message's exact class come first, then those of its superclasses and interfaces
 * (nearest first); among handlers of one type, in alphabetical order of method name. A handler
 * accepts a message if its kind fits ({@link Event} for published messages, {@link Rpc} for direct
 * ones, {@link MessageHandler} for both) and its {@code match} method, if any, returns true.
 * Messages no handler accepts go to {@link #onUnhandledMessage}.
 *
 * <p>Handlers may be private; they run on a virtual thread and may block.
 */
public abstract class RoutedAgent extends BaseAgent {
    private static final Logger LOG = LoggerFactory.getLogger(RoutedAgent.class);

    private final HandlerTable handlers;

    /** For agents created by a factory. */
    protected RoutedAgent(AgentInstantiationContext context, String description) {
        super(context, description);
        this.handlers = HandlerTable.of(getClass());
    }

    /** For agents registered with {@link AgentRuntime#registerAgentInstance}. */
    protected RoutedAgent(String description) {
        super(description);
        this.handlers = HandlerTable.of(getClass());
    }

    @Override
    protected final @Nullable Object onMessageImpl(Object message, MessageContext context) throws Exception {
        return route(message, context);
    }

    /** Hands a message to its handler; {@link SequentialRoutedAgent} puts some messages in line first. */
    @Nullable Object route(Object message, MessageContext context) throws Exception {
        return dispatch(message, context);
    }

    /** Calls the handler that accepts {@code message}, or {@link #onUnhandledMessage}. */
    final @Nullable Object dispatch(Object message, MessageContext context) throws Exception {
        HandlerTable.Handler handler = handlers.find(this, message, context);
        if (handler == null) {
            return onUnhandledMessage(message, context);
        }
        return handler.invoke(this, message, context);
    }

    /**
     * Called for a message no handler accepts. A direct message fails with
     * {@link CantHandleException} so its sender learns why; a published one is logged and ignored.
     */
    protected @Nullable Object onUnhandledMessage(Object message, MessageContext context) throws Exception {
        if (context.isRpc()) {
            throw new CantHandleException("agent " + id() + " (" + getClass().getSimpleName()
                    + ") has no handler for direct message of type " + message.getClass().getName());
        }
        LOG.info("Unhandled message: agent {} has no handler for published {}", id(), message.getClass().getName());
        return null;
    }

    /**
     * Checks an agent class's handlers, failing with a message naming the bad method. The runtime
     * calls it when a {@code RoutedAgent} class is registered.
     *
     * @throws IllegalStateException if a handler's signature is invalid
     */
    public static void validateHandlers(Class<? extends RoutedAgent> agentClass) {
        HandlerTable.of(agentClass);
    }
}
