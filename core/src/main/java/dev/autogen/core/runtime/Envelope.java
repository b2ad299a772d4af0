package dev.autogen.core.runtime;

import dev.autogen.core.AgentId;
import dev.autogen.core.MessageContext;
import dev.autogen.core.RuntimeListener;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A message waiting in an agent's mailbox, with what the runtime needs to deliver it. */
sealed interface Envelope {
    Object message();

    MessageContext context();

    /** Whether the token came from the caller (and so may be cancelled) rather than the runtime. */
    boolean cancellable();

    /** The listener of the run the message belongs to. */
    RuntimeListener listener();

    /** A direct message whose reply completes {@code reply}. */
    record Send(Object message, MessageContext context, boolean cancellable, RuntimeListener listener,
            AgentId recipient, CompletableFuture<@Nullable Object> reply) implements Envelope {
    }

    /** A published message; one envelope is shared by all recipients. */
    record Publish(Object message, MessageContext context, boolean cancellable, RuntimeListener listener)
            implements Envelope {
    }
}
