package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonCreator;
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

    /** From Python-shaped JSON; absent fields take Python's defaults. */
    @JsonCreator
    static SearchConfig fromJson(@JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @JsonProperty("temperature") @Nullable Double temperature,
            @JsonProperty("response_type") @Nullable String responseType) {
        return new SearchConfig(maxTokens == null ? 1500 : maxTokens, temperature == null ? 0.0 : temperature,
                responseType == null ? "multiple paragraphs" : responseType);
    }

    /** Python's defaults: 1500 tokens, temperature 0, multiple paragraphs. */
    public static SearchConfig defaults() {
        return new SearchConfig(1500, 0.0, "multiple paragraphs");
    }
}
