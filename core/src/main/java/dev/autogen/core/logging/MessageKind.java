package dev.autogen.core.logging;

/** How a message travels: sent to one agent, published to a topic, or a response to a send. */
public enum MessageKind {
    /** A message sent to one agent. */
    DIRECT,
    /** A message published to a topic. */
    PUBLISH,
    /** The response to a direct message. */
    RESPOND;

    /** The name Python's {@code str()} gives this value, e.g. {@code MessageKind.DIRECT}. */
    public String pythonName() {
        return "MessageKind." + name();
    }
}
