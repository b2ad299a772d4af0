package dev.autogen.core.models;

/**
 * Tokens used by model calls.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens in the completion
 */
public record RequestUsage(int promptTokens, int completionTokens) {
    /** No usage. */
    public static final RequestUsage ZERO = new RequestUsage(0, 0);

    public RequestUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: prompt_tokens=" + promptTokens
                    + ", completion_tokens=" + completionTokens);
        }
    }

    /** The sum of this usage and {@code other}. */
    public RequestUsage plus(RequestUsage other) {
        return new RequestUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
