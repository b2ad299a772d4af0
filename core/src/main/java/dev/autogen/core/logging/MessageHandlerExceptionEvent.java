package dev.autogen.core.logging;

import dev.autogen.core.AgentId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An agent's message handler threw, the counterpart of Python's
 * {@code MessageHandlerExceptionEvent}. Renders as
 * <pre>{@code
 * {"payload": "...", "handling_agent": "critic/default", "exception": "boom", "type": "MessageHandlerException"}
 * }</pre>
 *
 * @param payload the message as text, usually its JSON (see {@link MessageEvent#payloadOf})
 * @param handlingAgent the agent whose handler threw
 * @param exception what it threw; rendered as its message (or class name when it has none), as
 *     Python's {@code str(exception)}
 */
public record MessageHandlerExceptionEvent(String payload, AgentId handlingAgent, Throwable exception)
        implements LogEvent {
    public MessageHandlerExceptionEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(handlingAgent, "handlingAgent");
        Objects.requireNonNull(exception, "exception");
    }

    @Override
    public String type() {
        return "MessageHandlerException";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("payload", payload);
        fields.put("handling_agent", handlingAgent.toString());
        fields.put("exception", PythonJson.str(exception));
        fields.put("type", type());
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
