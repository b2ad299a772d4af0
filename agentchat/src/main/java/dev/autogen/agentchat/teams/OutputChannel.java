package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.teams.events.GroupChatTermination;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Python's output message queue: where the manager, which lives beside the team object, puts what
 * the caller of a run reads, in the order its mailbox received it: messages, then one
 * {@link GroupChatTermination}, or a failure of the start itself.
 */
final class OutputChannel {
    /** Lock-free: a team holds one for its whole life, and a blocking queue carries two locks and two conditions. */
    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();

    void message(BaseMessage message) {
        queue.add(message);
    }

    void terminate(GroupChatTermination termination) {
        queue.add(termination);
    }

    void failed(Throwable error) {
        queue.add(new Failed(error));
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

    record Failed(Throwable error) {
    }

    enum Cancelled {
        INSTANCE
    }
}
