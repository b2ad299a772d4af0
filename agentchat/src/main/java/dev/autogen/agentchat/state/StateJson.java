package dev.autogen.agentchat.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saved states as JSON text and files, as Python writes them with {@code json.dumps(await
 * team.save_state())}: the same fields, names and nesting, so either side reads the other's.
 */
public final class StateJson {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private StateJson() {
    }

    /** {@code state} as compact JSON. */
    public static String write(Map<String, ?> state) {
        try {
            return AutogenJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON object.
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public static Map<String, Object> read(String json) {
        try {
            Map<String, Object> state = AutogenJson.mapper().readValue(json, MAP);
            if (state == null) {
                throw new IllegalArgumentException("a saved state must be a JSON object, not null");
            }
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a saved state must be a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code state} to {@code file} as indented JSON, replacing the file. */
    public static void writeFile(Path file, Map<String, ?> state) throws IOException {
        Files.writeString(file, AutogenJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
    }

    /**
     * Reads a state file.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming the file, if it is not a JSON object
     */
    public static Map<String, Object> readFile(Path file) throws IOException {
        try {
            return read(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
