package dev.autogen.benchmarks;

import dev.autogen.benchmarks.Messages.Ping;
import dev.autogen.benchmarks.Messages.Pong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * The bare-JDK analogue of an RPC: a server virtual thread takes a request from one queue and puts
 * the reply on another, while the caller puts the request and waits for the reply. Nothing else: no
 * mailbox, no future, no context, no handler lookup.
 */
final class QueueExchange implements AutoCloseable {
    private final BlockingQueue<Ping> requests;
    private final BlockingQueue<Pong> replies;
    private final Thread server;

    QueueExchange(BlockingQueue<Ping> requests, BlockingQueue<Pong> replies) {
        this.requests = requests;
        this.replies = replies;
        this.server = Thread.ofVirtual().name("baseline-server").start(this::serve);
    }

    private void serve() {
        try {
            while (true) {
                Ping ping = requests.take();
                replies.put(new Pong(ping.seq()));
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round trip: hands {@code ping} to the server and waits for its reply. */
    Pong call(Ping ping) {
        try {
            requests.put(ping);
            return replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted during a baseline round trip");
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.interrupt();
        server.join();
    }
}
