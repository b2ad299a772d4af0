package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.teams.events.GroupChatPause;
import dev.autogen.agentchat.teams.events.GroupChatResume;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.BaseAgent;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.core.utils.SerialLane;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An agent that handles the group-chat protocol in the order it arrives, one message at a time,
 * while answering {@link GroupChatPause} and {@link GroupChatResume} at once, even in the middle of
 * a turn (Python's {@code SequentialRoutedAgent}). The runtime's mailbox hands each message over
 * without waiting for the previous one to finish, so it is never blocked by a long turn; a direct
 * message (such as a reset) is answered once it has been handled in order, and a published one is
 * returned as a future the runtime counts until it is handled, so a team's run ends only when every
 * participant has taken in the last message.
 */
abstract class SequentialAgent extends BaseAgent {
    private final SerialLane lane = new SerialLane("autogen-team");

    SequentialAgent(String description) {
        super(description);
    }

    /** Handles a message in arrival order; runs on the agent's own sequence, never two at a time. */
    abstract @Nullable Object handleInOrder(Object message, MessageContext context) throws Exception;

    /** Handles a pause or resume at once. */
    abstract void handleNow(Object message, MessageContext context);

    @Override
    protected final @Nullable Object onMessageImpl(Object message, MessageContext context) throws Exception {
        if (message instanceof GroupChatPause || message instanceof GroupChatResume) {
            handleNow(message, context);
            return null;
        }
        CompletableFuture<@Nullable Object> done = new CompletableFuture<>();
        MessageHandlerContext.Frame frame = MessageHandlerContext.current();
        Runnable turn = () -> {
            try (var scope = Concurrency.interruptOnCancel(context.cancellationToken())) {
                done.complete(MessageHandlerContext.callIn(frame, () -> handleInOrder(message, context)));
            } catch (Throwable e) {
                done.completeExceptionally(e);
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
