package dev.autogen.core.models;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One of the most likely alternatives for a generated token.
 *
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, if the provider reports them
 */
public record TopLogprob(double logprob, @Nullable List<Integer> bytes) {
    public TopLogprob {
        bytes = bytes == null ? null : List.copyOf(bytes);
    }
}
