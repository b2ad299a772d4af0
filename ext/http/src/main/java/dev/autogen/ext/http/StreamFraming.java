package dev.autogen.ext.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** How a streamed answer is cut into {@link Frame}s. */
public enum StreamFraming {
    /** {@code text/event-stream}: one frame per event, named by its {@code event:} line (OpenAI, Anthropic). */
    SERVER_SENT_EVENTS {
        @Override
        public Reader reader(InputStream body) {
            var events = new ServerSentEvents(body);
            return () -> {
                ServerSentEvents.Event event = events.next();
                return event == null ? null : new Frame(event.name(), event.data());
            };
        }
    },
    /** Newline-delimited JSON: one frame per non-blank line, without a name (Ollama). */
    JSON_LINES {
        @Override
        public Reader reader(InputStream body) {
            var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            return () -> {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        return new Frame(null, line);
                    }
                }
                return null;
            };
        }
    };

    /** A reader of {@code body}, decoded as UTF-8; the caller closes the body. */
    public abstract Reader reader(InputStream body);

    /**
     * One unit of a streamed answer.
     *
     * @param name the event name, or null when the framing or the event has none
     * @param data the payload, usually one JSON document
     */
    public record Frame(@Nullable String name, String data) {
    }

    /** Reads frames one at a time. */
    @FunctionalInterface
    public interface Reader {
        /** The next frame, or null at the end of the body. */
        @Nullable Frame next() throws IOException;
    }
}
