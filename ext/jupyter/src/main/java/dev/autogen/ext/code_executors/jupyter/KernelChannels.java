package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The client ends of a kernel's ZeroMQ channels: shell and control (DEALER) for requests and
 * replies, iopub (SUB) for outputs and status. ZeroMQ sockets are not thread-safe: an instance is
 * created, used and closed by one thread only. The stdin and heartbeat channels are not used
 * (code never reads input; the kernel process is watched directly).
 */
final class KernelChannels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelChannels.class);

    /** The channels, in poll order. */
    enum Channel { SHELL, IOPUB, CONTROL }

    /** A message and the channel it came on. */
    record Received(Channel channel, JupyterMessage message) {
    }

    private final ZContext context = new ZContext(1);
    private final WireCodec codec;
    private final String session;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket control;
    private final ZMQ.Poller poller;

    KernelChannels(ConnectionInfo info, String session) {
        this.codec = new WireCodec(info.key());
        this.session = session;
        this.shell = socket(SocketType.DEALER, info.endpoint(info.shellPort()));
        this.control = socket(SocketType.DEALER, info.endpoint(info.controlPort()));
        this.iopub = context.createSocket(SocketType.SUB);
        iopub.setLinger(0);
        iopub.subscribe(new byte[0]);
        iopub.connect(info.endpoint(info.iopubPort()));
        this.poller = context.createPoller(3);
        poller.register(shell, ZMQ.Poller.POLLIN);
        poller.register(iopub, ZMQ.Poller.POLLIN);
        poller.register(control, ZMQ.Poller.POLLIN);
    }

    private ZMQ.Socket socket(SocketType type, String endpoint) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        socket.setIdentity(session.getBytes(StandardCharsets.US_ASCII));
        socket.connect(endpoint);
        return socket;
    }

    /** Sends a new request of {@code msgType} on {@code channel} and returns it. */
    JupyterMessage send(Channel channel, String msgType, ObjectNode content) {
        JupyterMessage message = JupyterMessage.request(session, msgType, content);
        ZMQ.Socket socket = switch (channel) {
            case SHELL -> shell;
            case CONTROL -> control;
            case IOPUB -> throw new IllegalArgumentException("iopub is receive-only");
        };
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        return message;
    }

    /**
     * Every message that is waiting, or that arrives within {@code timeoutMillis} when none is
     * waiting. Messages that are not valid Jupyter messages (e.g. a bad signature) are logged and
     * dropped.
     */
    List<Received> poll(long timeoutMillis) {
        List<Received> received = new ArrayList<>();
        if (poller.poll(Math.max(0, timeoutMillis)) <= 0) {
            return received;
        }
        Channel[] channels = Channel.values();
        for (int i = 0; i < channels.length; i++) {
            if (poller.pollin(i)) {
                ZMQ.Socket socket = poller.getSocket(i);
                Channel channel = channels[i];
                ZMsg msg;
                while ((msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null) {
                    decode(msg).ifPresent(m -> received.add(new Received(channel, m)));
                }
            }
        }
        return received;
    }

    private Optional<JupyterMessage> decode(ZMsg msg) {
        List<byte[]> frames = new ArrayList<>(msg.size());
        for (ZFrame frame : msg) {
            frames.add(frame.getData());
        }
        msg.destroy();
        try {
            return Optional.of(codec.decode(frames));
        } catch (IllegalArgumentException e) {
            LOG.warn("dropping a kernel message: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        poller.close();
        context.close();
    }
}
