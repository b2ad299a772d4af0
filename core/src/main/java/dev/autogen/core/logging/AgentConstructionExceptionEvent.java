package dev.autogen.core.logging;

import dev.autogen.core.AgentId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An agent factory threw while the runtime created an agent, the counterpart of Python's
 * {@code AgentConstructionExceptionEvent}. Renders as
 * <pre>{@code
 * {"agent_id": "writer/default", "exception": "missing model", "type": "AgentConstructionException"}
 * }</pre>
 *
 * @param agentId the agent being created
 * @param exception what the factory threw; rendered as its message (or class name when it has
 *     none), as Python's {@code str(exception)}
 */
public record AgentConstructionExceptionEvent(AgentId agentId, Throwable exception) implements LogEvent {
    public AgentConstructionExceptionEvent {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(exception, "exception");
    }

    @Override
    public String type() {
        return "AgentConstructionException";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("agent_id", agentId.toString());
        fields.put("exception", PythonJson.str(exception));
        fields.put("type", type());
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
