package dev.autogen.ext.runtimes.grpc.internal;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to one gRPC stream from many threads: a stream observer takes one message at a time, so
 * sends are serialized here. A send to a stream that has ended is dropped with a debug log; whoever
 * owns the stream learns of its end from the stream's own callbacks.
 *
 * @param <T> the message type
 */
public final class StreamSender<T> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);

    private final String peer;
    private final StreamObserver<T> stream;
    private boolean closed;

    /**
     * @param peer who is at the other end, for logs (a client id, a host address)
     * @param stream the outbound half of the stream
     */
    public StreamSender(String peer, StreamObserver<T> stream) {
        this.peer = peer;
        this.stream = stream;
    }

    /** Who is at the other end. */
    public String peer() {
        return peer;
    }

    /** Sends a message; false if the stream has ended. */
    public synchronized boolean send(T message) {
        if (closed) {
            return false;
        }
        try {
            stream.onNext(message);
            return true;
        } catch (RuntimeException e) {
            closed = true;
            LOG.debug("stream to {} has ended; dropped a message: {}", peer, e.getMessage());
            return false;
        }
    }

    /** Ends the stream normally. */
    public synchronized void complete() {
        if (!closed) {
            closed = true;
            try {
                stream.onCompleted();
            } catch (RuntimeException e) {
                LOG.debug("stream to {} had already ended: {}", peer, e.getMessage());
            }
        }
    }

    /** Ends the stream with an error. */
    public synchronized void fail(Throwable error) {
        if (!closed) {
            closed = true;
            try {
                stream.onError(error);
            } catch (RuntimeException e) {
                LOG.debug("stream to {} had already ended: {}", peer, e.getMessage());
            }
        }
    }
}
