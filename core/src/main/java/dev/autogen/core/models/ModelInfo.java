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
 * <pre>{@code
 * var info = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);
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

    /** Model info for an unknown model that supports nothing optional. */
    public static ModelInfo unknown() {
        return new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, null);
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
}
