package dev.autogen.ext.models.openai;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion client for models deployed on Azure OpenAI, the counterpart of Python's
 * {@code autogen_ext.models.openai.AzureOpenAIChatCompletionClient}. Requests go to
 * {@code {azure_endpoint}/openai/deployments/{azure_deployment}/chat/completions?api-version={api_version}}.
 *
 * <p>Authentication, first found wins: an API key ({@link Builder#apiKey}, else
 * {@code AZURE_OPENAI_API_KEY}) sent as {@code api-key}; a fixed Entra ID token
 * ({@link Builder#azureAdToken}, else {@code AZURE_OPENAI_AD_TOKEN}); or a token provider
 * ({@link Builder#azureAdTokenProvider}) asked for a fresh bearer token before every attempt. The
 * identity needs the {@code Cognitive Services OpenAI User} role.
 *
 * <!-- java-snippet: not compiled, AzureTokenProvider is in module autogen-ext-auth-azure, which this module does not depend on -->
 * <pre>{@code
 * var client = AzureOpenAIChatCompletionClient.builder()
 *         .azureDeployment("my-gpt-4o")
 *         .model("gpt-4o")
 *         .apiVersion("2024-06-01")
 *         .azureEndpoint("https://my-resource.openai.azure.com/")
 *         .azureAdTokenProvider(new AzureTokenProvider(new DefaultAzureCredentialBuilder().build(),
 *                 "https://cognitiveservices.azure.com/.default"))
 *         .build();
 * }</pre>
 *
 * <p>In a config, {@code azure_ad_token_provider} is Python's {@code autogen_ext.auth.azure.AzureTokenProvider}
 * component, loaded when module {@code autogen-ext-auth-azure} is on the class path.
 */
public final class AzureOpenAIChatCompletionClient extends BaseOpenAIChatCompletionClient
        implements Component<AzureOpenAIClientConfiguration> {
    /** The provider string Python writes. */
    public static final String PROVIDER = "autogen_ext.models.openai.AzureOpenAIChatCompletionClient";
    private static final ComponentProvider<AzureOpenAIChatCompletionClient, AzureOpenAIClientConfiguration> COMPONENT_PROVIDER =
            new Provider();

    private final AzureOpenAIClientConfiguration config;
    private final AzureEndpoint endpoint;
    private final @Nullable String apiKey;
    private final @Nullable String adToken;
    private final @Nullable Supplier<String> tokenProvider;
    private final boolean tokenProviderFromConfig;

    AzureOpenAIChatCompletionClient(AzureOpenAIClientConfiguration config, @Nullable Supplier<String> tokenProvider,
            Function<String, @Nullable String> env) {
        this(config, tokenProvider, false, env);
    }

    private AzureOpenAIChatCompletionClient(AzureOpenAIClientConfiguration config, @Nullable Supplier<String> tokenProvider,
            boolean tokenProviderFromConfig, Function<String, @Nullable String> env) {
        super(config);
        this.tokenProviderFromConfig = tokenProviderFromConfig;
        this.config = config;
        this.tokenProvider = tokenProvider;
        this.apiKey = config.apiKey() != null ? config.apiKey().value() : nonBlank(env.apply("AZURE_OPENAI_API_KEY"));
        this.adToken = config.azureAdToken() != null ? config.azureAdToken().value()
                : nonBlank(env.apply("AZURE_OPENAI_AD_TOKEN"));
        String deployment = config.azureDeployment() != null ? config.azureDeployment() : config.model();
        this.endpoint = AzureEndpoint.of(config.azureEndpoint(), "/openai/deployments/"
                + URLEncoder.encode(deployment, StandardCharsets.UTF_8) + "/chat/completions?api-version="
                + URLEncoder.encode(config.apiVersion(), StandardCharsets.UTF_8), "azure_endpoint",
                "your resource's endpoint, such as https://my-resource.openai.azure.com/");
    }

    /**
     * A client from a component config, reading missing credentials from the environment. An
     * {@code azure_ad_token_provider} component (Python's {@code autogen_ext.auth.azure.AzureTokenProvider})
     * is loaded with the default component loader; it needs module {@code autogen-ext-auth-azure}.
     *
     * @throws IllegalArgumentException if the config is invalid or its token provider cannot be loaded
     *     (the message names the module to add when it is missing)
     */
    public static AzureOpenAIChatCompletionClient fromConfig(AzureOpenAIClientConfiguration config) {
        return fromConfig(config, null);
    }

    private static AzureOpenAIChatCompletionClient fromConfig(AzureOpenAIClientConfiguration config,
            @Nullable ComponentContext context) {
        Supplier<String> provider = null;
        if (config.azureAdTokenProvider() != null && config.apiKey() == null && config.azureAdToken() == null) {
            provider = AzureTokenProviders.load(config.azureAdTokenProvider(), context, "azure_ad_token_provider",
                    "api_key or azure_ad_token, or set AZURE_OPENAI_API_KEY,");
        }
        return new AzureOpenAIChatCompletionClient(config, provider, provider != null,
                context == null ? System::getenv : context.environment()::get);
    }

    /** A builder; model, azure endpoint and API version are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The chat-completions URL of the deployment, with the API version.
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
        return apiKey == null && adToken == null && tokenProvider == null ? Optional.of(missingCredentials()) : Optional.empty();
    }

    private String missingCredentials() {
        return "Missing credentials for Azure OpenAI at " + endpoint().getHost()
                + ": pass apiKey(...), azureAdToken(...) or azureAdTokenProvider(...) to the builder, or set the"
                + " AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN environment variable";
    }

    @Override
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("api-key", apiKey);
        } else if (adToken != null) {
            headers.put("Authorization", "Bearer " + adToken);
        } else if (tokenProvider != null) {
            headers.put("Authorization", AzureEndpoint.bearer(tokenProvider));
        } else {
            throw new IllegalStateException(missingCredentials());
        }
        if (config.defaultHeaders() != null) {
            headers.putAll(config.defaultHeaders());
        }
        return headers;
    }

    @Override
    String providerName() {
        return "azure.ai.openai";
    }

    @Override
    public ComponentProvider<?, AzureOpenAIClientConfiguration> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * The config this client was built from (secrets masked when written).
     *
     * @throws UnsupportedOperationException if the client uses a token provider given to the builder
     *     that is a plain Java {@code Supplier}, which has no config form (a component such as
     *     {@code AzureTokenProvider}, or one loaded from a config, is written as its component)
     */
    @Override
    public AzureOpenAIClientConfiguration toConfig() {
        if (tokenProvider != null && !tokenProviderFromConfig) {
            return config.withAzureAdTokenProvider(AzureTokenProviders.asComponent(tokenProvider,
                    "dump a client that uses api_key, or add the provider after loading"));
        }
        return config;
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Builds an {@link AzureOpenAIChatCompletionClient}; see {@link BaseOpenAIChatCompletionClient.Builder} for the shared options. */
    public static final class Builder extends BaseOpenAIChatCompletionClient.Builder<Builder> {
        private @Nullable String azureEndpoint;
        private @Nullable String azureDeployment;
        private @Nullable String apiVersion;
        private @Nullable Secret azureAdToken;
        private @Nullable Supplier<String> azureAdTokenProvider;

        private Builder() {
        }

        /** E.g. {@code https://my-resource.openai.azure.com/}; default {@code AZURE_OPENAI_ENDPOINT}. */
        public Builder azureEndpoint(String endpoint) {
            this.azureEndpoint = endpoint;
            return this;
        }

        /** The deployment name; default the model name. */
        public Builder azureDeployment(String deployment) {
            this.azureDeployment = deployment;
            return this;
        }

        /** The API version, e.g. {@code 2024-06-01}; default {@code OPENAI_API_VERSION}. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /** A fixed Entra ID bearer token. */
        public Builder azureAdToken(String token) {
            this.azureAdToken = new Secret(token);
            return this;
        }

        /** Supplies an Entra ID bearer token before every attempt (cache and refresh inside the supplier). */
        public Builder azureAdTokenProvider(Supplier<String> provider) {
            this.azureAdTokenProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * The config this builder describes.
         *
         * @throws IllegalStateException if the model, endpoint or API version is missing
         */
        public AzureOpenAIClientConfiguration toConfig() {
            String endpoint = azureEndpoint != null ? azureEndpoint : environment.apply("AZURE_OPENAI_ENDPOINT");
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalStateException("azure endpoint is required: call azureEndpoint(\"https://<resource>"
                        + ".openai.azure.com/\") or set AZURE_OPENAI_ENDPOINT");
            }
            String version = apiVersion != null ? apiVersion : environment.apply("OPENAI_API_VERSION");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("api version is required: call apiVersion(\"2024-06-01\") or set"
                        + " OPENAI_API_VERSION");
            }
            return new AzureOpenAIClientConfiguration(frequencyPenalty, logitBias, maxTokens, null, presencePenalty,
                    responseFormat, seed, stop, temperature, topP, user, streamOptions, parallelToolCalls, reasoningEffort,
                    requireModel(), apiKey, timeout, maxRetries, null, modelInfo, addNamePrefixes, includeNameInMessage,
                    headersOrNull(), endpoint, azureDeployment, version, azureAdToken, null, idleTimeout);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if the model, endpoint or API version is missing
         * @throws IllegalArgumentException if the model is unknown and no model info was given
         */
        public AzureOpenAIChatCompletionClient build() {
            return new AzureOpenAIChatCompletionClient(toConfig(), azureAdTokenProvider, environment);
        }
    }

    /** Loads and dumps {@code autogen_ext.models.openai.AzureOpenAIChatCompletionClient} configs. */
    public static final class Provider
            extends AbstractComponentProvider<AzureOpenAIChatCompletionClient, AzureOpenAIClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, AzureOpenAIChatCompletionClient.class,
                    AzureOpenAIClientConfiguration.class, "Chat completion client for Azure OpenAI hosted models.");
            withAliases("autogen_ext.models.openai._openai_client.AzureOpenAIChatCompletionClient",
                    AzureOpenAIChatCompletionClient.class.getName());
        }

        @Override
        public AzureOpenAIChatCompletionClient fromConfig(AzureOpenAIClientConfiguration config, ComponentContext context) {
            return AzureOpenAIChatCompletionClient.fromConfig(config, context);
        }
    }
}
