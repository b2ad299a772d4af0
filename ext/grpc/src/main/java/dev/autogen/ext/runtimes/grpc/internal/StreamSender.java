package dev.autogen.ext.runtimes.grpc.internal;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to one gRPC stream from many threads: a stream observer takes one message at a time, so
 * sends are serialized here. A send to a stream that has ended is dropped with a debug log; whoever
 * owns the stream learns of its end from the stream's own callbacks.
 *
 * <p>A {@linkplain #bounded bounded} sender (the host's, towards each worker) holds back what the
 * peer is not ready to take, up to a number of bytes; beyond it {@link #offer} answers
 * {@link Outcome#FULL} instead of letting gRPC buffer without end, so a slow worker cannot make the
 * host's memory grow without bound.
 *
 * @param <T> the message type
 */
public final class StreamSender<T> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);

    /** What became of a message given to {@link #offer}. */
    public enum Outcome {
        /** Sent, or queued to be sent as soon as the peer is ready. */
        SENT,
        /** Refused: the peer is that far behind already. */
        FULL,
        /** Refused: the stream has ended. */
        CLOSED
    }

    private final String peer;
    private final StreamObserver<T> stream;
    private final @Nullable ServerCallStreamObserver<T> flowControlled;
    private final long maxQueuedBytes;
    private final ToIntFunction<T> sizer;
    private final ArrayDeque<T> queued = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closed;

    /**
     * An unbounded sender, for streams whose peer keeps up by design (a worker's stream to its host).
     *
     * @param peer who is at the other end, for logs (a client id, a host address)
     * @param stream the outbound half of the stream
     */
    public StreamSender(String peer, StreamObserver<T> stream) {
        this(peer, stream, null, Long.MAX_VALUE, m -> 0);
    }

    private StreamSender(String peer, StreamObserver<T> stream, @Nullable ServerCallStreamObserver<T> flowControlled,
            long maxQueuedBytes, ToIntFunction<T> sizer) {
        this.peer = peer;
        this.stream = stream;
        this.flowControlled = flowControlled;
        this.maxQueuedBytes = maxQueuedBytes;
        this.sizer = sizer;
    }

    /**
     * A sender that follows gRPC's flow control on a server stream: what the peer is not ready for
     * waits here, at most {@code maxQueuedBytes} (as measured by {@code sizer}). Must be made before the
     * service method that got {@code stream} returns.
     */
    public static <T> StreamSender<T> bounded(String peer, StreamObserver<T> stream, long maxQueuedBytes,
            ToIntFunction<T> sizer) {
        if (!(stream instanceof ServerCallStreamObserver<T> server)) {
            return new StreamSender<>(peer, stream);
        }
        StreamSender<T> sender = new StreamSender<>(peer, stream, server, maxQueuedBytes, sizer);
        server.setOnReadyHandler(sender::drain);
        return sender;
    }

    /** Who is at the other end. */
    public String peer() {
        return peer;
    }

    /** Sends a message; false if the stream has ended or is {@linkplain Outcome#FULL full}. */
    public boolean send(T message) {
        return offer(message) == Outcome.SENT;
    }

    /** Sends a message, or queues it while the peer is not ready, or says why not. */
    public Outcome offer(T message) {
        return offer(message, true);
    }

    /**
     * Sends a reply to a call the peer made, queuing it beyond the limit if need be: a reply is never
     * refused, so a call always ends (their number is bounded by the calls the peer itself made).
     */
    public Outcome offerReply(T message) {
        return offer(message, false);
    }

    private synchronized Outcome offer(T message, boolean bounded) {
        if (closed) {
            return Outcome.CLOSED;
        }
        if (flowControlled != null && (!queued.isEmpty() || !flowControlled.isReady())) {
            int size = sizer.applyAsInt(message);
            if (bounded && queuedBytes + size > maxQueuedBytes && !queued.isEmpty()) {
                return Outcome.FULL;
            }
            queued.add(message);
            queuedBytes += size;
            return Outcome.SENT;
        }
        return write(message) ? Outcome.SENT : Outcome.CLOSED;
    }

    /** How many bytes wait for the peer to be ready. */
    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    private synchronized void drain() {
        while (!closed && !queued.isEmpty() && flowControlled != null && flowControlled.isReady()) {
            T next = queued.poll();
            queuedBytes -= sizer.applyAsInt(next);
            write(next);
        }
    }

    private boolean write(T message) {
        try {
            stream.onNext(message);
            return true;
        } catch (RuntimeException e) {
            closed = true;
            queued.clear();
            queuedBytes = 0;
            LOG.debug("stream to {} has ended; dropped a message: {}", peer, e.getMessage());
            return false;
        }
    }

    /** Ends the stream normally (after what is queued, if the peer takes it promptly). */
    public synchronized void complete() {
        if (!closed) {
            drain();
            closed = true;
            queued.clear();
            queuedBytes = 0;
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
            queued.clear();
            queuedBytes = 0;
            try {
                stream.onError(error);
            } catch (RuntimeException e) {
                LOG.debug("stream to {} had already ended: {}", peer, e.getMessage());
            }
        }
    }
}
