package dev.autogen.core.models;

import java.util.Objects;

/**
 * A piece of text streamed by a model before its final {@link CreateResult}; Python yields these
 * as plain strings.
 *
 * @param content the text
 */
public record ChatCompletionChunk(String content) implements CreateStreamItem {
    public ChatCompletionChunk {
        Objects.requireNonNull(content, "content");
    }
}
