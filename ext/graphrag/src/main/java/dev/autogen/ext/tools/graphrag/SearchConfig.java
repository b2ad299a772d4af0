package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The model call of local search, with Python's field names and defaults ({@code SearchConfig}).
 *
 * @param maxTokens {@code max_tokens} of the answer
 * @param temperature {@code temperature} of the answer
 * @param responseType the form of the answer, such as {@code multiple paragraphs}
 */
public record SearchConfig(
        @JsonProperty("max_tokens") int maxTokens,
        @JsonProperty("temperature") double temperature,
        @JsonProperty("response_type") String responseType) {

    public SearchConfig {
        Objects.requireNonNull(responseType, "response_type");
    }

    /** Python's defaults: 1500 tokens, temperature 0, multiple paragraphs. */
    public static SearchConfig defaults() {
        return new SearchConfig(1500, 0.0, "multiple paragraphs");
    }
}
