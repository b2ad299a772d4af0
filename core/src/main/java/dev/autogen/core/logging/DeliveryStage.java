package dev.autogen.core.logging;

/** Where a message is on its way: being sent by its sender, or being delivered to its recipient. */
public enum DeliveryStage {
    /** The sender handed the message to the runtime. */
    SEND,
    /** The runtime is handing the message to a recipient. */
    DELIVER;

    /** The name Python's {@code str()} gives this value, e.g. {@code DeliveryStage.SEND}. */
    public String pythonName() {
        return "DeliveryStage." + name();
    }
}
