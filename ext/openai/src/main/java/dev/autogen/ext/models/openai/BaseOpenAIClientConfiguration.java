package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.models.ModelCapabilities;
import dev.autogen.core.models.ModelInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by {@link OpenAIClientConfiguration} and {@link AzureOpenAIClientConfiguration}
 * (Python's {@code BaseOpenAIClientConfigurationConfigModel}): the model, connection settings, and the
 * default chat-completion arguments sent with every request. Null means "not set": the argument is
 * not sent and the server's default applies.
 */
public sealed interface BaseOpenAIClientConfiguration permits OpenAIClientConfiguration, AzureOpenAIClientConfiguration {
    /** Sampling: penalty for tokens by their frequency so far, -2.0 to 2.0. */
    @Nullable Double frequencyPenalty();

    /** Token id to bias, -100 to 100. */
    @Nullable Map<String, Integer> logitBias();

    /** The most tokens to generate. */
    @Nullable Integer maxTokens();

    /** How many choices to generate; only 1 is supported, as in Python. */
    @Nullable Integer n();

    /** Sampling: penalty for tokens already present, -2.0 to 2.0. */
    @Nullable Double presencePenalty();

    /** {@code {"type": "text" | "json_object" | "json_schema", "json_schema": {...}}}. */
    @Nullable JsonNode responseFormat();

    /** Seed for best-effort deterministic sampling. */
    @Nullable Long seed();

    /** A stop sequence (string) or up to four (array). */
    @Nullable JsonNode stop();

    /** Sampling temperature, 0 to 2. */
    @Nullable Double temperature();

    /** Nucleus sampling probability mass. */
    @Nullable Double topP();

    /** An end-user id for abuse monitoring. */
    @Nullable String user();

    /** {@code {"include_usage": bool}}; streaming asks for usage unless this says otherwise. */
    @Nullable JsonNode streamOptions();

    /** Whether the model may call several tools in one turn; null leaves the server default (true). */
    @Nullable Boolean parallelToolCalls();

    /** For reasoning models: {@code minimal}, {@code low}, {@code medium} or {@code high}. */
    @Nullable String reasoningEffort();

    /** The model name, e.g. {@code gpt-4o}. */
    String model();

    /** The API key; null to read it from the environment. */
    @Nullable Secret apiKey();

    /** Seconds a request may take before it fails (and is retried); null for 600. */
    @Nullable Double timeout();

    /**
     * Seconds a response may stay silent between two bytes, streamed or not, before the attempt fails
     * (and is retried); null for 60. Java only: Python ignores the field.
     */
    @Nullable Double idleTimeout();

    /** How many times a failed request (429, 5xx, timeout, connection error) is retried; null for 2. */
    @Nullable Integer maxRetries();

    /** Deprecated form of {@link #modelInfo()}, read for compatibility. */
    @Nullable ModelCapabilities modelCapabilities();

    /** What the model can do; required for a model not in {@link OpenAIModelInfo}. */
    @Nullable ModelInfo modelInfo();

    /** Whether user text is prefixed with {@code "<source> said:\n"}; for models that ignore {@code name}. */
    @Nullable Boolean addNamePrefixes();

    /** Whether messages carry the {@code name} field (default true); turn off for servers that reject it. */
    @Nullable Boolean includeNameInMessage();

    /** Headers sent with every request. */
    @Nullable Map<String, String> defaultHeaders();
}
