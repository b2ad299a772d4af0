package dev.autogen.core.models;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The log probability of one generated token.
 *
 * @param token the token
 * @param logprob its log probability
 * @param topLogprobs the most likely alternatives, if requested
 * @param bytes the token's UTF-8 bytes, if reported
 */
public record ChatCompletionTokenLogprob(
        String token, double logprob, @Nullable List<TopLogprob> topLogprobs, @Nullable List<Integer> bytes) {
    public ChatCompletionTokenLogprob {
        Objects.requireNonNull(token, "token");
        topLogprobs = topLogprobs == null ? null : List.copyOf(topLogprobs);
        bytes = bytes == null ? null : List.copyOf(bytes);
    }
}
