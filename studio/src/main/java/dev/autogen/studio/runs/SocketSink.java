package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames to one Javalin WebSocket. Jetty allows one blocking send at a time per socket, and frames
 * come from the run's thread and the socket's own (pongs, errors), so sends take a lock (a
 * {@link ReentrantLock}, which a waiting virtual thread does not pin).
 */
public final class SocketSink implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(SocketSink.class);

    private final WsContext socket;
    private final ReentrantLock lock = new ReentrantLock();

    /** Frames to {@code socket}. */
    public SocketSink(WsContext socket) {
        this.socket = socket;
    }

    @Override
    public void send(ObjectNode frame) {
        lock.lock();
        try {
            if (socket.session.isOpen()) {
                socket.send(frame.toString());
            }
        } catch (RuntimeException e) {
            LOG.debug("frame not sent: the socket closed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(int code, String reason) {
        lock.lock();
        try {
            if (socket.session.isOpen()) {
                socket.closeSession(code, reason);
            }
        } catch (RuntimeException e) {
            LOG.debug("closing the socket", e);
        } finally {
            lock.unlock();
        }
    }
}
