package dev.autogen.agentchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON written by Python AutoGen (kept once, under core's test resources), with the normalized
 * placeholders ({@code <uuid:N>}, {@code <created_at>}) replaced by real values.
 */
public final class PythonFixtures {
    /** The timestamp put where a fixture says {@code <created_at>}. */
    public static final String CREATED_AT = "2025-05-01T10:20:30.123456Z";

    private PythonFixtures() {
    }

    public static Path path(String name) {
        return Path.of("..", "core", "src", "test", "resources", "fixtures", "autogen-python", name);
    }

    public static JsonNode read(String name) {
        try {
            String text = Files.readString(path(name)).replace("\"<created_at>\"", "\"" + CREATED_AT + "\"");
            return AutogenJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
