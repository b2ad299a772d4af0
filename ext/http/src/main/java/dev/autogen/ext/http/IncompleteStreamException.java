package dev.autogen.ext.http;

import java.io.IOException;

/**
 * A streamed answer whose body ended before the provider's end marker (OpenAI's {@code finish_reason}
 * or {@code [DONE]}, Anthropic's {@code message_stop}, Ollama's {@code "done": true}): the connection
 * was cut. Retried like a dropped connection.
 */
public final class IncompleteStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The exception for a stream that ended before its end marker. */
    public IncompleteStreamException() {
        super("the stream ended before the answer was complete (no end marker)");
    }
}
