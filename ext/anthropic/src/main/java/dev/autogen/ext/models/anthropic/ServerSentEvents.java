package dev.autogen.ext.models.anthropic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads a {@code text/event-stream} body: {@code event:} and {@code data:} lines, dispatched at each blank line. */
final class ServerSentEvents {
    /** Receives one event. */
    @FunctionalInterface
    interface Listener {
        void onEvent(@Nullable String event, String data);
    }

    private ServerSentEvents() {
    }

    static void read(InputStream body, Listener listener) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String event = null;
        var data = new StringBuilder();
        boolean hasData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (hasData) {
                    listener.onEvent(event, data.toString());
                }
                event = null;
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith(":")) {
                continue;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
            }
        }
        if (hasData) {
            listener.onEvent(event, data.toString());
        }
    }
}
