package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.messages.BaseMessage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where a running team's participants and manager put what the caller sees: messages in order, then
 * one {@link GroupChatProtocol.Termination}. Items are put before the response that follows them is
 * published, so the caller reads them in the order they happened.
 */
final class OutputChannel {
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    void message(BaseMessage message) {
        queue.add(message);
    }

    void terminate(GroupChatProtocol.Termination termination) {
        queue.add(termination);
    }

    void cancelled() {
        queue.add(Cancelled.INSTANCE);
    }

    Object take() throws InterruptedException {
        return queue.take();
    }

    void clear() {
        queue.clear();
    }

    enum Cancelled {
        INSTANCE
    }
}
