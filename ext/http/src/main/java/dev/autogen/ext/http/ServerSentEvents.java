package dev.autogen.ext.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code text/event-stream} body one event at a time: {@code event:} and {@code data:}
 * lines up to a blank line; comments ({@code :...}) and other fields are skipped.
 *
 * <!-- java-context: import java.net.http.HttpResponse; HttpResponse<InputStream> response;
 *      void handle(String event, String data) {} -->
 * <pre>{@code
 * var events = new ServerSentEvents(response.body());
 * for (var e = events.next(); e != null; e = events.next()) {
 *     handle(e.name(), e.data());
 * }
 * }</pre>
 */
public final class ServerSentEvents {
    private final BufferedReader reader;

    /** A reader of {@code body}, decoded as UTF-8; the caller closes the body. */
    public ServerSentEvents(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /**
     * One event.
     *
     * @param name its {@code event:} name, or null when it has none
     * @param data its {@code data:} lines joined by newlines
     */
    public record Event(@Nullable String name, String data) {
    }

    /** The next event with data, or null at the end of the stream. */
    public @Nullable Event next() throws IOException {
        String name = null;
        List<String> data = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Event(name, String.join("\n", data));
                }
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data.add(value);
            } else if (field.equals("event")) {
                name = value;
            }
        }
        return data.isEmpty() ? null : new Event(name, String.join("\n", data));
    }
}
