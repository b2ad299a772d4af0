package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * The model calls of global search, with Python's field names and defaults ({@code MapReduceConfig}).
 *
 * @param mapMaxTokens {@code max_tokens} of each map call
 * @param mapTemperature {@code temperature} of each map call
 * @param reduceMaxTokens {@code max_tokens} of the reduce call
 * @param reduceTemperature {@code temperature} of the reduce call
 * @param allowGeneralKnowledge let the answer use what the model knows beyond the reports
 * @param jsonMode ask the model for JSON mode in map calls (when the model client supports it)
 * @param responseType the form of the answer, such as {@code multiple paragraphs}
 */
public record MapReduceConfig(
        @JsonProperty("map_max_tokens") int mapMaxTokens,
        @JsonProperty("map_temperature") double mapTemperature,
        @JsonProperty("reduce_max_tokens") int reduceMaxTokens,
        @JsonProperty("reduce_temperature") double reduceTemperature,
        @JsonProperty("allow_general_knowledge") boolean allowGeneralKnowledge,
        @JsonProperty("json_mode") boolean jsonMode,
        @JsonProperty("response_type") String responseType) {

    public MapReduceConfig {
        Objects.requireNonNull(responseType, "response_type");
    }

    /** From Python-shaped JSON; absent fields take Python's defaults. */
    @JsonCreator
    static MapReduceConfig fromJson(
            @JsonProperty("map_max_tokens") @Nullable Integer mapMaxTokens,
            @JsonProperty("map_temperature") @Nullable Double mapTemperature,
            @JsonProperty("reduce_max_tokens") @Nullable Integer reduceMaxTokens,
            @JsonProperty("reduce_temperature") @Nullable Double reduceTemperature,
            @JsonProperty("allow_general_knowledge") @Nullable Boolean allowGeneralKnowledge,
            @JsonProperty("json_mode") @Nullable Boolean jsonMode,
            @JsonProperty("response_type") @Nullable String responseType) {
        Builder b = builder();
        if (mapMaxTokens != null) b.mapMaxTokens(mapMaxTokens);
        if (mapTemperature != null) b.mapTemperature(mapTemperature);
        if (reduceMaxTokens != null) b.reduceMaxTokens(reduceMaxTokens);
        if (reduceTemperature != null) b.reduceTemperature(reduceTemperature);
        if (allowGeneralKnowledge != null) b.allowGeneralKnowledge(allowGeneralKnowledge);
        if (jsonMode != null) b.jsonMode(jsonMode);
        if (responseType != null) b.responseType(responseType);
        return b.build();
    }

    /** Python's defaults. */
    public static MapReduceConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MapReduceConfig}; unset fields take Python's defaults. */
    public static final class Builder {
        private int mapMaxTokens = 1000;
        private double mapTemperature = 0.0;
        private int reduceMaxTokens = 2000;
        private double reduceTemperature = 0.0;
        private boolean allowGeneralKnowledge = false;
        private boolean jsonMode = false;
        private String responseType = "multiple paragraphs";

        public Builder mapMaxTokens(int v) { this.mapMaxTokens = v; return this; }
        public Builder mapTemperature(double v) { this.mapTemperature = v; return this; }
        public Builder reduceMaxTokens(int v) { this.reduceMaxTokens = v; return this; }
        public Builder reduceTemperature(double v) { this.reduceTemperature = v; return this; }
        public Builder allowGeneralKnowledge(boolean v) { this.allowGeneralKnowledge = v; return this; }
        public Builder jsonMode(boolean v) { this.jsonMode = v; return this; }
        public Builder responseType(String v) { this.responseType = v; return this; }

        public MapReduceConfig build() {
            return new MapReduceConfig(mapMaxTokens, mapTemperature, reduceMaxTokens, reduceTemperature,
                    allowGeneralKnowledge, jsonMode, responseType);
        }
    }
}
