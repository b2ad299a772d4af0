package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a run's frames go: a WebSocket, or anything a test gives. Safe to call from several threads. */
public interface FrameSink {
    /** Sends one frame; a closed socket drops it. */
    void send(ObjectNode frame);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);
}
