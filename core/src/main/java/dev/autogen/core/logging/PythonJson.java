package dev.autogen.core.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON as Python's {@code json.dumps} writes it by default: {@code ", "} and {@code ": "}, ASCII only. */
final class PythonJson {
    private static final ObjectWriter WRITER = AutogenJson.mapper()
            .writer(new PythonSeparators())
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);

    private PythonJson() {
    }

    static String dumps(Map<String, @Nullable Object> fields) {
        try {
            return WRITER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** Python's {@code str(exception)}: the message; the class name when there is none. */
    static String str(Throwable exception) {
        String message = exception.getMessage();
        return message != null ? message : exception.getClass().getSimpleName();
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
