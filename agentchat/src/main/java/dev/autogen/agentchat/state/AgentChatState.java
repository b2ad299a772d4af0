package dev.autogen.agentchat.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.serialization.JsonErrors;
import java.util.Map;
import java.util.Objects;

/** A saved state: its Python type name and version, and its JSON-ready map form. */
public interface AgentChatState {
    /** The state's version, {@code "1.0.0"} for every state Python writes today. */
    String VERSION = "1.0.0";

    /** Python's class name of the state, e.g. {@code "AssistantAgentState"}. */
    String type();

    /** The state's format version. */
    String version();

    /** The state as a JSON-ready map, as Python's {@code model_dump()} writes it. */
    default Map<String, Object> toMap() {
        return AutogenJson.mapper().convertValue(this, new TypeReference<Map<String, Object>>() {
        });
    }

    /** The state as JSON, with Python's field names: what {@code json.dumps(state)} gives in Python. */
    default String toJson() {
        return StateJson.write(toMap());
    }

    /**
     * Reads a state map into {@code type}, checking its {@code "type"} field when present.
     *
     * @throws IllegalArgumentException naming the expected and actual type, or the bad field
     */
    static <S extends AgentChatState> S fromMap(Map<String, ?> state, Class<S> type, String typeName) {
        Objects.requireNonNull(state, "state");
        Object actual = state.get("type");
        if (actual != null && !typeName.equals(actual)) {
            throw new IllegalArgumentException("type: expected a " + typeName + " but the state's type is '" + actual + "'");
        }
        try {
            return AutogenJson.mapper().convertValue(state, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                String path = JsonErrors.path(mapping.getPath());
                throw new IllegalArgumentException((path.isEmpty() ? "" : path.substring(1) + ": ")
                        + "invalid " + typeName + ": " + JsonErrors.message(mapping), e);
            }
            throw new IllegalArgumentException("invalid " + typeName + ": " + e.getMessage(), e);
        }
    }
}
