package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a saved manager state, refusing what the team cannot continue from (a
 * negative turn, an index outside the participants, a speaker the team does not have) with a message
 * naming the field.
 */
final class StateFields {
    private StateFields() {
    }

    /** Refuses a state whose {@code type} is not {@code expected} (an absent type is taken as it). */
    static void type(JsonNode state, String expected) {
        JsonNode type = state.path("type");
        if (!type.isMissingNode() && !type.isNull() && !expected.equals(type.asText())) {
            throw new IllegalArgumentException("type: expected '" + expected + "' but found " + describe(type)
                    + "; the state was saved by another kind of team");
        }
    }

    /** A count such as {@code current_turn}: 0 when absent, else a whole number 0 or more. */
    static int count(JsonNode state, String field) {
        JsonNode value = state.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new IllegalArgumentException(field + ": expected a whole number 0 or more but found " + describe(value));
        }
        return value.intValue();
    }

    /** An index into the {@code size} participants: 0 when absent. */
    static int index(JsonNode state, String field, int size) {
        int index = count(state, field);
        if (index >= size) {
            throw new IllegalArgumentException(field + ": " + index + " is out of range; the team has " + size
                    + " participants (0 to " + (size - 1) + ")");
        }
        return index;
    }

    /** A participant's name, or null when absent or null. */
    static @Nullable String participant(JsonNode state, String field, List<String> names) {
        JsonNode value = state.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !names.contains(value.textValue())) {
            throw new IllegalArgumentException(field + ": " + describe(value) + " is not a participant of this team; its"
                    + " participants are " + names);
        }
        return value.textValue();
    }

    /** The message thread: empty when absent, else a list. */
    static JsonNode thread(JsonNode state) {
        JsonNode value = state.path("message_thread");
        if (value.isMissingNode() || value.isNull() || value.isArray()) {
            return value;
        }
        throw new IllegalArgumentException("message_thread: expected a list of messages but found " + describe(value));
    }

    static String describe(JsonNode value) {
        String text = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
