package dev.autogen.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Python Studio's default gallery, from the shared fixtures (the same file the Studio ships). */
final class DefaultGalleryFile {
    private DefaultGalleryFile() {
    }

    static JsonNode python() {
        try {
            return AutogenJson.mapper().readTree(Path.of("src/main/resources/dev/autogen/studio/gallery/python_default_gallery.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
