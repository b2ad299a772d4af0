package dev.autogen.core.logging;

import dev.autogen.core.AgentId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the runtime's structured events to the event logger; cheap when the logger is off. */
public final class EventLoggers {
    private static final Logger EVENTS = LoggerFactory.getLogger("autogen_core.events");

    private EventLoggers() {
    }

    public static void message(MessageKind kind, DeliveryStage stage, @Nullable Object payload, @Nullable AgentId sender, @Nullable Object receiver) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info("{} {} {} {} -> {}", kind, stage, payload, sender, receiver);
        }
    }

    public static void dropped(MessageKind kind, @Nullable Object payload, @Nullable AgentId sender, @Nullable Object receiver, String reason) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info("dropped {} {} {} -> {}: {}", kind, payload, sender, receiver, reason);
        }
    }

    public static void handlerFailed(AgentId agent, Object message, Throwable error) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info("handler of {} failed on {}: {}", agent, message, error.toString());
        }
    }

    public static void constructionFailed(AgentId agent, Throwable error) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info("construction of {} failed: {}", agent, error.toString());
        }
    }
}
