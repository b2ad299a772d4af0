package dev.autogen.core.runtime;

import dev.autogen.core.AgentId;
import dev.autogen.core.logging.AgentConstructionExceptionEvent;
import dev.autogen.core.logging.DeliveryStage;
import dev.autogen.core.logging.LoggerNames;
import dev.autogen.core.logging.MessageDroppedEvent;
import dev.autogen.core.logging.MessageEvent;
import dev.autogen.core.logging.MessageHandlerExceptionEvent;
import dev.autogen.core.logging.MessageKind;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.SerializationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a runtime's structured events to the {@code autogen_core.events} logger. Python logs them
 * at INFO; we log at DEBUG because Java logging backends without configuration (Logback's default)
 * print DEBUG and above, which would print every message. Every method returns at once when the
 * level is off, so the hot path pays one level check.
 */
final class RuntimeEventLog {
    private static final Logger EVENTS = LoggerFactory.getLogger(LoggerNames.EVENT_LOGGER_NAME);

    private final SerializationRegistry serializers;

    RuntimeEventLog(SerializationRegistry serializers) {
        this.serializers = serializers;
    }

    public void message(MessageKind kind, DeliveryStage stage, @Nullable Object message, @Nullable AgentId sender,
            @Nullable Object receiver) {
        if (EVENTS.isDebugEnabled()) {
            EVENTS.debug("{}", new MessageEvent(payload(message), sender, receiver, kind, stage));
        }
    }

    public void dropped(MessageKind kind, @Nullable Object message, @Nullable AgentId sender, @Nullable Object receiver) {
        if (EVENTS.isDebugEnabled()) {
            EVENTS.debug("{}", new MessageDroppedEvent(payload(message), sender, receiver, kind));
        }
    }

    public void handlerFailed(AgentId agent, Object message, Throwable error) {
        if (EVENTS.isDebugEnabled()) {
            EVENTS.debug("{}", new MessageHandlerExceptionEvent(payload(message), agent, error));
        }
    }

    public void constructionFailed(AgentId agent, Throwable error) {
        if (EVENTS.isDebugEnabled()) {
            EVENTS.debug("{}", new AgentConstructionExceptionEvent(agent, error));
        }
    }

    /** The message's JSON: from its registered serializer, else from the shared mapper. */
    private String payload(@Nullable Object message) {
        if (message == null) {
            return "null";
        }
        String registered = MessageEvent.payloadOf(message, serializers);
        if (!registered.equals(MessageEvent.UNSERIALIZABLE_PAYLOAD)) {
            return registered;
        }
        try {
            return AutogenJson.mapper().writeValueAsString(message);
        } catch (Exception e) {
            return MessageEvent.UNSERIALIZABLE_PAYLOAD;
        }
    }
}
