package dev.autogen.ext.runtimes.grpc.internal;

import dev.autogen.ext.runtimes.grpc.internal.proto.Message;

/** The words a host uses when a worker does not keep up and its queue is full. */
public final class Backpressure {
    private Backpressure() {
    }

    /** The error an RPC to a worker whose queue is full gets. */
    public static String tooSlow(String target, String workerClient, long queuedBytes) {
        return "cannot deliver to agent " + target + ": its worker " + workerClient + " is not keeping up ("
                + queuedBytes + " bytes already wait to be sent to it, the host's limit); try again later";
    }

    /** The warning logged when a published message or a reply is dropped for a worker whose queue is full. */
    public static String dropped(String workerClient, Message message, long queuedBytes) {
        String what = switch (message.getMessageCase()) {
            case CLOUDEVENT -> "published message " + message.getCloudEvent().getId();
            case RESPONSE -> "reply to request " + message.getResponse().getRequestId();
            case REQUEST -> "request " + message.getRequest().getRequestId();
            case MESSAGE_NOT_SET -> "message";
        };
        return "dropped " + what + " for worker " + workerClient + ": it is not keeping up (" + queuedBytes
                + " bytes already wait to be sent to it, the host's limit)";
    }
}
