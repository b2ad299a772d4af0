package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.serialization.AutogenJson;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion client for models on Azure AI Foundry model inference endpoints and GitHub
 * Models, the counterpart of Python's {@code autogen_ext.models.azure.AzureAIChatCompletionClient}.
 * It speaks the Azure AI Model Inference REST API ({@code POST {endpoint}/chat/completions?api-version=2024-05-01-preview}),
 * whose requests and answers are OpenAI's chat-completions JSON, so it shares the OpenAI clients'
 * mapping and HTTP pipeline.
 *
 * <p>{@code model_info} is required: the endpoint's model is not known in advance. {@code model} is
 * required for GitHub Models ({@value #GITHUB_MODELS_ENDPOINT}). Credentials, first found wins: an API
 * key ({@link Builder#apiKey}, else {@code AZURE_AI_API_KEY}, or {@code GITHUB_TOKEN} for GitHub
 * Models) sent as {@code Authorization: Bearer} (and {@code api-key}, as the azure-ai-inference SDK
 * does), or a token provider asked for an Entra ID token before every attempt.
 *
 * <pre>{@code
 * var client = AzureAIChatCompletionClient.builder()
 *         .endpoint(AzureAIChatCompletionClient.GITHUB_MODELS_ENDPOINT)
 *         .model("Phi-4")
 *         .modelInfo(ModelInfo.builder().family("unknown").build())
 *         .build();                                        // reads GITHUB_TOKEN
 * }</pre>
 *
 * <p>Structured output (a JSON schema) is refused, as in Python; JSON mode ({@code json_object}) and
 * tools are checked against the model info before any request.
 */
public final class AzureAIChatCompletionClient extends BaseOpenAIChatCompletionClient
        implements Component<AzureAIClientConfiguration> {
    /** The provider string (Python's class path). */
    public static final String PROVIDER = "autogen_ext.models.azure.AzureAIChatCompletionClient";
    /** GitHub Models' inference endpoint. */
    public static final String GITHUB_MODELS_ENDPOINT = "https://models.github.ai/inference";
    /** The REST API version sent, the one the azure-ai-inference SDK uses. */
    public static final String API_VERSION = "2024-05-01-preview";

    /** Python's {@code create_kwargs} that a request may set through {@code extraCreateArgs}. */
    private static final Set<String> AZURE_CREATE_ARGS = Set.of("frequency_penalty", "presence_penalty", "temperature",
            "top_p", "max_tokens", "response_format", "stop", "tool_choice", "seed", "model", "model_extras");
    /** The request fields of the API; anything else needs {@code extra-parameters: pass-through}. */
    private static final Set<String> API_FIELDS = Set.of("messages", "stream", "frequency_penalty", "presence_penalty",
            "temperature", "top_p", "max_tokens", "response_format", "stop", "tools", "tool_choice", "seed", "model");
    private static final String NO_MODEL = "(the endpoint's model)";
    private static final ComponentProvider<AzureAIChatCompletionClient, AzureAIClientConfiguration> COMPONENT_PROVIDER =
            new Provider();

    private final AzureAIClientConfiguration config;
    private final AzureEndpoint endpoint;
    private final @Nullable String apiKey;
    private final String keyVariable;
    private final @Nullable Supplier<String> tokenProvider;
    private final boolean tokenProviderFromConfig;

    private AzureAIChatCompletionClient(AzureAIClientConfiguration config, @Nullable Supplier<String> tokenProvider,
            boolean tokenProviderFromConfig, Function<String, @Nullable String> env) {
        super(internalConfig(config), "Azure AI model inference API");
        this.config = config;
        this.tokenProvider = tokenProvider;
        this.tokenProviderFromConfig = tokenProviderFromConfig;
        boolean github = isGitHub(config.endpoint());
        this.keyVariable = github ? "GITHUB_TOKEN" : "AZURE_AI_API_KEY";
        this.apiKey = config.apiKey() != null ? config.apiKey().value() : nonBlank(env.apply(keyVariable));
        this.endpoint = AzureEndpoint.of(config.endpoint(), "/chat/completions?api-version=" + API_VERSION, "endpoint",
                "the model inference endpoint, such as https://my-resource.services.ai.azure.com/models or "
                        + GITHUB_MODELS_ENDPOINT);
    }

    private static boolean isGitHub(String endpoint) {
        String e = endpoint.strip();
        return e.equals(GITHUB_MODELS_ENDPOINT) || e.equals(GITHUB_MODELS_ENDPOINT + "/");
    }

    /** Validates as Python's {@code _validate_config} and maps to the shared chat-completions settings. */
    private static OpenAIClientConfiguration internalConfig(AzureAIClientConfiguration config) {
        Objects.requireNonNull(config, "config");
        if (config.endpoint().isBlank()) {
            throw new IllegalArgumentException("endpoint is required for AzureAIChatCompletionClient");
        }
        ModelInfo info = config.modelInfo();
        if (info == null) {
            throw new IllegalArgumentException("model_info is required for AzureAIChatCompletionClient: say what the"
                    + " model can do with modelInfo(...) on the builder (\"model_info\" in a config), e.g."
                    + " ModelInfo.textAndTools() or ModelInfo.builder().vision(true).build()");
        }
        if (isGitHub(config.endpoint()) && config.model() == null) {
            throw new IllegalArgumentException("model is required for when using a Github model with"
                    + " AzureAIChatCompletionClient: name it with model(\"Phi-4\") (\"model\" in a config)");
        }
        String format = config.responseFormat();
        if (format != null && !format.equals("text") && !format.equals("json_object")) {
            throw new IllegalArgumentException("response_format must be \"text\" or \"json_object\", got \"" + format + "\"");
        }
        if (config.modelExtras() != null && !config.modelExtras().isObject()) {
            throw new IllegalArgumentException("model_extras must be a map of request fields, got " + config.modelExtras());
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new OpenAIClientConfiguration(config.frequencyPenalty(), null, config.maxTokens(), null,
                config.presencePenalty(), format == null ? null : json.objectNode().put("type", format), config.seed(),
                config.stop() == null ? null : AutogenJson.mapper().valueToTree(config.stop()), config.temperature(),
                config.topP(), null, null, null, null, config.model() == null ? NO_MODEL : config.model(), null,
                config.timeout(), config.maxRetries(), null, info, null, false, null, null, null, config.idleTimeout());
    }

    /**
     * A client from a component config, reading a missing key from the environment and loading an
     * {@code azure_ad_token_provider} component with the default component loader.
     *
     * @throws IllegalArgumentException if the config is invalid (no model_info, no model for GitHub
     *     Models) or its token provider cannot be loaded
     */
    public static AzureAIChatCompletionClient fromConfig(AzureAIClientConfiguration config) {
        return fromConfig(config, null);
    }

    private static AzureAIChatCompletionClient fromConfig(AzureAIClientConfiguration config,
            @Nullable ComponentContext context) {
        Supplier<String> provider = null;
        if (config.azureAdTokenProvider() != null && config.apiKey() == null) {
            provider = AzureTokenProviders.load(config.azureAdTokenProvider(), context, "azure_ad_token_provider",
                    "api_key or set " + (isGitHub(config.endpoint()) ? "GITHUB_TOKEN" : "AZURE_AI_API_KEY"));
        }
        return new AzureAIChatCompletionClient(config, provider, true,
                context == null ? System::getenv : context.environment()::get);
    }

    /** A builder; endpoint and model info are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The chat-completions URL with the API version.
     *
     * @throws IllegalStateException if the configured endpoint is not a URL
     */
    @Override
    public URI endpoint() {
        return endpoint.require();
    }

    @Override
    public Optional<String> configurationProblem() {
        if (endpoint.problem() != null) {
            return Optional.of(endpoint.problem());
        }
        return apiKey == null && tokenProvider == null ? Optional.of(missingCredentials()) : Optional.empty();
    }

    private String missingCredentials() {
        return "Missing credentials for Azure AI model inference at " + endpoint().getHost()
                + ": pass apiKey(...) or azureAdTokenProvider(...) to the builder (\"api_key\" or"
                + " \"azure_ad_token_provider\" in a config), or set the " + keyVariable + " environment variable";
    }

    @Override
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("Authorization", "Bearer " + apiKey);
            headers.put("api-key", apiKey);
        } else if (tokenProvider != null) {
            headers.put("Authorization", AzureEndpoint.bearer(tokenProvider));
        } else {
            throw new IllegalStateException(missingCredentials());
        }
        return headers;
    }

    @Override
    Map<String, String> headers(ObjectNode body) {
        Map<String, String> headers = headers();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            if (!API_FIELDS.contains(names.next())) {
                headers.put("extra-parameters", "pass-through");
                break;
            }
        }
        return headers;
    }

    @Override
    Set<String> createArgs() {
        return AZURE_CREATE_ARGS;
    }

    @Override
    String providerName() {
        return "azure.ai.inference";
    }

    /**
     * The request body: the shared chat-completions body without OpenAI-only parts ({@code name} on
     * messages, {@code stream_options}, {@code strict} on tools), with the config's tools when the
     * request has none, and {@code model_extras} merged in at the top level.
     */
    @Override
    ObjectNode requestBody(CreateRequest request, boolean stream) {
        if (request.jsonOutput() instanceof JsonOutput.Structured) {
            throw new IllegalArgumentException("Structured output is not currently supported for AzureAIChatCompletionClient");
        }
        ObjectNode body = super.requestBody(request, stream);
        if (config.model() == null && !request.extraCreateArgs().containsKey("model")) {
            body.remove("model");
        }
        body.remove("stream_options");
        JsonNode format = body.get("response_format");
        if (format != null && format.isTextual()) {
            body.putObject("response_format").put("type", format.asText());
        }
        if (body.has("tools")) {
            body.get("tools").forEach(tool -> ((ObjectNode) tool.path("function")).remove("strict"));
        } else if (config.tools() != null) {
            body.set("tools", config.tools());
            if (config.toolChoice() != null) {
                body.set("tool_choice", config.toolChoice());
            }
        }
        JsonNode extras = body.remove("model_extras");
        if (extras == null) {
            extras = config.modelExtras();
        }
        if (extras != null) {
            if (!(extras instanceof ObjectNode object)) {
                throw new IllegalArgumentException("model_extras must be a map of request fields, got " + extras);
            }
            body.setAll(object.deepCopy());
        }
        return body;
    }

    /** The configured model name, or empty when the endpoint serves one model. */
    public Optional<String> configuredModel() {
        return Optional.ofNullable(config.model());
    }

    @Override
    public ComponentProvider<?, AzureAIClientConfiguration> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * The config this client was built from (secrets masked when written).
     *
     * @throws UnsupportedOperationException if the client uses a token provider given as a plain Java
     *     {@code Supplier}, which has no config form (a component such as {@code AzureTokenProvider} is
     *     written as its component)
     */
    @Override
    public AzureAIClientConfiguration toConfig() {
        if (tokenProvider != null && !tokenProviderFromConfig) {
            return config.withAzureAdTokenProvider(AzureTokenProviders.asComponent(tokenProvider,
                    "build the client from a config with an azure_ad_token_provider component, or dump a client that uses api_key"));
        }
        return config;
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Builds an {@link AzureAIChatCompletionClient}; unset create arguments are not sent. */
    public static final class Builder {
        private @Nullable String endpoint;
        private @Nullable ModelInfo modelInfo;
        private @Nullable String model;
        private @Nullable Secret apiKey;
        private @Nullable Supplier<String> tokenProvider;
        private @Nullable Double frequencyPenalty;
        private @Nullable Double presencePenalty;
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Integer maxTokens;
        private @Nullable String responseFormat;
        private @Nullable List<String> stop;
        private @Nullable Long seed;
        private @Nullable JsonNode modelExtras;
        private @Nullable Double timeout;
        private @Nullable Integer maxRetries;
        private @Nullable Double idleTimeout;
        private Function<String, @Nullable String> environment = System::getenv;

        private Builder() {
        }

        /** The inference endpoint, e.g. {@code https://my-resource.services.ai.azure.com/models} (required). */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** What the model can do (required). */
        public Builder modelInfo(ModelInfo modelInfo) {
            this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
            return this;
        }

        /** The model name; required for GitHub Models, optional for an endpoint serving one model. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** The key; default {@code AZURE_AI_API_KEY}, or {@code GITHUB_TOKEN} for GitHub Models. */
        public Builder apiKey(String apiKey) {
            this.apiKey = new Secret(apiKey);
            return this;
        }

        /** Supplies an Entra ID bearer token before every attempt (cache and refresh inside the supplier). */
        public Builder azureAdTokenProvider(Supplier<String> provider) {
            this.tokenProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Penalty for tokens by their frequency so far. */
        public Builder frequencyPenalty(double penalty) {
            this.frequencyPenalty = penalty;
            return this;
        }

        /** Penalty for tokens already present. */
        public Builder presencePenalty(double penalty) {
            this.presencePenalty = penalty;
            return this;
        }

        /** Sampling temperature. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Nucleus sampling probability mass. */
        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        /** The most tokens to generate. */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** {@code "text"} or {@code "json_object"}. */
        public Builder responseFormat(String format) {
            this.responseFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Stop sequences. */
        public Builder stop(String... stop) {
            this.stop = List.of(stop);
            return this;
        }

        /** Seed for best-effort deterministic sampling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Parameters outside the API, merged into every request body (sent with {@code extra-parameters: pass-through}). */
        public Builder modelExtras(Map<String, ?> extras) {
            this.modelExtras = AutogenJson.mapper().valueToTree(extras);
            return this;
        }

        /**
         * How long one attempt may take (default 600 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(java.time.Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout.toNanos() / 1e9;
            return this;
        }

        /**
         * How long a response may stay silent between two bytes (default 60 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(java.time.Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
            }
            this.idleTimeout = idleTimeout.toNanos() / 1e9;
            return this;
        }

        /**
         * How many times to retry 408, 409, 429, 5xx, timeouts and connection errors (default 2).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Where environment variables are read from (tests); {@code System::getenv} by default. */
        Builder environment(Function<String, @Nullable String> environment) {
            this.environment = environment;
            return this;
        }

        /**
         * The config this builder describes.
         *
         * @throws IllegalStateException if the endpoint is missing
         */
        public AzureAIClientConfiguration toConfig() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required: call endpoint(\"https://<resource>.services.ai.azure.com"
                        + "/models\") or endpoint(AzureAIChatCompletionClient.GITHUB_MODELS_ENDPOINT)");
            }
            return new AzureAIClientConfiguration(endpoint, modelInfo, frequencyPenalty, presencePenalty, temperature, topP,
                    maxTokens, responseFormat, stop, null, null, seed, model, modelExtras, apiKey, null, timeout,
                    maxRetries, idleTimeout);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if the endpoint is missing
         * @throws IllegalArgumentException if model info is missing, or the model for GitHub Models
         */
        public AzureAIChatCompletionClient build() {
            return new AzureAIChatCompletionClient(toConfig(), tokenProvider, false, environment);
        }
    }

    /** Loads and dumps {@code autogen_ext.models.azure.AzureAIChatCompletionClient} configs. */
    public static final class Provider
            extends AbstractComponentProvider<AzureAIChatCompletionClient, AzureAIClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, AzureAIChatCompletionClient.class, AzureAIClientConfiguration.class,
                    "Chat completion client for models on Azure AI Foundry and GitHub Models.");
            withAliases("autogen_ext.models.azure._azure_ai_client.AzureAIChatCompletionClient",
                    AzureAIChatCompletionClient.class.getName());
        }

        @Override
        public AzureAIChatCompletionClient fromConfig(AzureAIClientConfiguration config, ComponentContext context) {
            return AzureAIChatCompletionClient.fromConfig(config, context);
        }
    }
}
