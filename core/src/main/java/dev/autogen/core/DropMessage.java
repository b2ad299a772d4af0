package dev.autogen.core;

/**
 * Drops a message: returned by an {@link InterventionHandler} to stop it from being delivered.
 *
 * @param reason why, reported to the sender of a direct message
 */
public record DropMessage(String reason) implements Intervention {
    /** Drops with a generic reason. */
    public DropMessage() {
        this("dropped by an intervention handler");
    }
}
