package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a model can do, so agents can adapt (drop images for a text-only model, refuse tools for a
 * model without function calling). JSON as Python's {@code ModelInfo} TypedDict.
 *
 * <p>Build one with {@link #builder()} (every capability off, family {@link ModelFamily#UNKNOWN}), or
 * start from a preset: {@link #unknown()}, {@link #toolCalling()}, {@link #textAndTools()},
 * {@link #allCapabilities(String)}.
 *
 * <pre>{@code
 * ModelInfo local = ModelInfo.textAndTools();   // a typical local model behind Ollama, llama.cpp or vLLM
 * ModelInfo info = ModelInfo.builder().functionCalling(true).jsonOutput(true).family(ModelFamily.R1).build();
 * ModelInfo noTools = info.toBuilder().functionCalling(false).build();
 * }</pre>
 *
 * @param vision accepts image input
 * @param functionCalling can call functions (tools)
 * @param jsonOutput supports JSON mode (not the same as structured output)
 * @param family one of the {@link ModelFamily} constants, or any other string for an unknown family
 * @param structuredOutput supports structured output against a JSON schema
 * @param multipleSystemMessages supports several, non-consecutive system messages; null if unknown
 */
@JsonPropertyOrder({"vision", "function_calling", "json_output", "family", "structured_output", "multiple_system_messages"})
public record ModelInfo(
        boolean vision,
        boolean functionCalling,
        boolean jsonOutput,
        String family,
        boolean structuredOutput,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean multipleSystemMessages) {

    public ModelInfo {
        Objects.requireNonNull(family, "family");
    }

    /** Model info for an unknown model that supports nothing optional: text in, text out. */
    public static ModelInfo unknown() {
        return builder().build();
    }

    /** A text model that can call tools (function calling), and nothing else optional; family unknown. */
    public static ModelInfo toolCalling() {
        return builder().functionCalling(true).build();
    }

    /**
     * A text model with function calling, JSON mode and structured output, but no vision; family
     * unknown. What most local models served by Ollama, llama.cpp, vLLM or LM Studio can do.
     */
    public static ModelInfo textAndTools() {
        return builder().functionCalling(true).jsonOutput(true).structuredOutput(true).build();
    }

    /** A model of {@code family} with every capability: vision, function calling, JSON mode, structured output. */
    public static ModelInfo allCapabilities(String family) {
        return builder().vision(true).functionCalling(true).jsonOutput(true).structuredOutput(true).family(family).build();
    }

    /** A builder with every capability off, family {@link ModelFamily#UNKNOWN}, multiple system messages unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this info's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().vision(vision).functionCalling(functionCalling).jsonOutput(jsonOutput).family(family)
                .structuredOutput(structuredOutput).multipleSystemMessages(multipleSystemMessages);
    }

    /** A copy with another family. */
    public ModelInfo withFamily(String newFamily) {
        return new ModelInfo(vision, functionCalling, jsonOutput, newFamily, structuredOutput, multipleSystemMessages);
    }

    /** The older capability view of this info. */
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(vision, functionCalling, jsonOutput);
    }

    /**
     * Reads model info as Python writes it, enforcing the required fields as Python's
     * {@code validate_model_info} does.
     *
     * @throws IllegalArgumentException naming the first missing required field
     */
    @JsonCreator
    static ModelInfo fromJson(
            @JsonProperty("vision") @Nullable Boolean vision,
            @JsonProperty("function_calling") @Nullable Boolean functionCalling,
            @JsonProperty("json_output") @Nullable Boolean jsonOutput,
            @JsonProperty("family") @Nullable String family,
            @JsonProperty("structured_output") @Nullable Boolean structuredOutput,
            @JsonProperty("multiple_system_messages") @Nullable Boolean multipleSystemMessages) {
        return new ModelInfo(
                required(vision, "vision"),
                required(functionCalling, "function_calling"),
                required(jsonOutput, "json_output"),
                required(family, "family"),
                required(structuredOutput, "structured_output"),
                multipleSystemMessages);
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Missing required field '" + field + "' in ModelInfo: the required fields"
                    + " are vision, function_calling, json_output, family and structured_output");
        }
        return value;
    }

    /** Builds a {@link ModelInfo}; every capability is off until set. */
    public static final class Builder {
        private boolean vision;
        private boolean functionCalling;
        private boolean jsonOutput;
        private String family = ModelFamily.UNKNOWN;
        private boolean structuredOutput;
        private @Nullable Boolean multipleSystemMessages;

        private Builder() {
        }

        /** Whether the model accepts image input. */
        public Builder vision(boolean value) {
            vision = value;
            return this;
        }

        /** Whether the model can call functions (tools). */
        public Builder functionCalling(boolean value) {
            functionCalling = value;
            return this;
        }

        /** Whether the model supports JSON mode. */
        public Builder jsonOutput(boolean value) {
            jsonOutput = value;
            return this;
        }

        /** The model family: a {@link ModelFamily} constant, or any other string for an unknown family. */
        public Builder family(String value) {
            family = Objects.requireNonNull(value, "family");
            return this;
        }

        /** Whether the model supports structured output against a JSON schema. */
        public Builder structuredOutput(boolean value) {
            structuredOutput = value;
            return this;
        }

        /** Whether the model accepts several, non-consecutive system messages; null if unknown. */
        public Builder multipleSystemMessages(@Nullable Boolean value) {
            multipleSystemMessages = value;
            return this;
        }

        /** The model info. */
        public ModelInfo build() {
            return new ModelInfo(vision, functionCalling, jsonOutput, family, structuredOutput, multipleSystemMessages);
        }
    }
}
