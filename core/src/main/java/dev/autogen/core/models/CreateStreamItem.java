package dev.autogen.core.models;

/**
 * An item of a {@link ChatCompletionStream}: a text {@link ChatCompletionChunk}, or the final
 * {@link CreateResult}.
 */
public sealed interface CreateStreamItem permits ChatCompletionChunk, CreateResult {
}
