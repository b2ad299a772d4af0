package dev.autogen.examples.webchat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The app's state and history files: JSON read whole and replaced whole, so a crash never leaves half a file. */
final class JsonFiles {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private JsonFiles() {
    }

    /** The object in {@code file}, or null if there is no such file yet. */
    static @Nullable Map<String, Object> readObject(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return AutogenJson.mapper().readValue(file.toFile(), OBJECT);
        } catch (IOException e) {
            throw new IOException(file + " is not a JSON object (delete it to start afresh): " + e.getMessage(), e);
        }
    }

    /** The list in {@code file}, empty if there is no such file yet. */
    static List<Map<String, Object>> readList(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(AutogenJson.mapper().readValue(file.toFile(), LIST));
        } catch (IOException e) {
            throw new IOException(file + " is not a JSON list (delete it to start afresh): " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} with {@code value} as JSON. */
    static void write(Path file, Object value) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            AutogenJson.mapper().writeValue(temp.toFile(), value);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code value} as a JSON string. */
    static String json(Object value) {
        try {
            return AutogenJson.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /**
     * The user's message in a request body or frame: a JSON object with a string {@code content} and an
     * optional {@code source} (default {@code "user"}), as the Python sample's page sends a {@code TextMessage}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code body}
     */
    static TextMessage textMessage(String body) {
        Map<String, Object> fields;
        try {
            fields = AutogenJson.mapper().readValue(body, OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException("the message must be a JSON object like {\"content\": \"Hello\", "
                    + "\"source\": \"user\"}; it is not JSON");
        }
        if (fields == null || !(fields.get("content") instanceof String content) || content.isBlank()) {
            throw new IllegalArgumentException("the message must have a non-empty string 'content', like "
                    + "{\"content\": \"Hello\", \"source\": \"user\"}");
        }
        Object source = fields.getOrDefault("source", "user");
        if (!(source instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("the message's 'source' must be a non-empty string");
        }
        return new TextMessage(content, name);
    }
}
