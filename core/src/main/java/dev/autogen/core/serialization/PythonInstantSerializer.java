package dev.autogen.core.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Instant} as pydantic writes a UTC {@code datetime}: seconds, then six digits of
 * microseconds when there are any, then {@code Z}; e.g. {@code 2025-01-02T03:04:05.123456Z}.
 */
final class PythonInstantSerializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    PythonInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        String text = SECONDS.format(value);
        int micros = value.getNano() / 1000;
        gen.writeString(micros == 0 ? text + "Z" : text + String.format(".%06dZ", micros));
    }
}
