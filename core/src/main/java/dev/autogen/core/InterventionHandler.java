package dev.autogen.core;

import org.jspecify.annotations.Nullable;

/**
 * Sees every message the runtime handles before it is delivered, and may let it through, replace
 * it, or drop it: for logging, policy checks, human approval or test doubles. Each method returns a
 * {@link Intervention}: {@link Intervention#deliver} to pass a message on, or {@link DropMessage}.
 *
 * <p>The defaults pass everything through, so an implementation overrides only what it watches.
 * Handlers run in the order they were given to the runtime, on the thread sending the message
 * ({@link #onSend}, {@link #onPublish}) or the recipient's ({@link #onResponse}); they must be
 * fast and thread-safe.
 *
 * <!-- java-context: record Secret(String text) {} -->
 * <pre>{@code
 * InterventionHandler noSecrets = new InterventionHandler() {
 *     public Intervention onSend(Object message, MessageContext ctx, AgentId recipient) {
 *         return message instanceof Secret ? new DropMessage("secrets stay home") : Intervention.deliver(message);
 *     }
 * };
 * }</pre>
 */
public interface InterventionHandler {
    /**
     * Called for a direct message. If dropped, the sender's call fails with a
     * {@link dev.autogen.core.exceptions.MessageDroppedException}.
     */
    default Intervention onSend(Object message, MessageContext context, AgentId recipient) {
        return Intervention.deliver(message);
    }

    /** Called for a published message. If dropped, no subscriber receives it. */
    default Intervention onPublish(Object message, MessageContext context) {
        return Intervention.deliver(message);
    }

    /**
     * Called for the reply to a direct message. If dropped, the original sender's call fails with a
     * {@link dev.autogen.core.exceptions.MessageDroppedException}.
     *
     * @param message the reply (null when the handler returned nothing)
     * @param sender the agent that replied
     * @param recipient the agent the reply goes to, or null when the request came from outside
     */
    default Intervention onResponse(@Nullable Object message, AgentId sender, @Nullable AgentId recipient) {
        return Intervention.deliver(message);
    }
}
