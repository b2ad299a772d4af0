package dev.autogen.core;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link InterventionHandler} decides about a message: deliver it (possibly replaced by
 * another message) or {@linkplain DropMessage drop} it.
 */
public sealed interface Intervention permits Intervention.Deliver, DropMessage {

    /** Delivers {@code message}, which may differ from the one the handler received. */
    static Intervention deliver(@Nullable Object message) {
        return new Deliver(message);
    }

    /**
     * Delivers a message.
     *
     * @param message the message to deliver in place of the original
     */
    record Deliver(@Nullable Object message) implements Intervention {
    }
}
