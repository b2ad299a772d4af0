package dev.autogen.ext.models.openai;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion client for OpenAI's hosted models and any server speaking OpenAI's
 * chat-completions API: Ollama's {@code /v1}, llama.cpp's server, vLLM, LM Studio, Gemini's
 * OpenAI-compatible endpoint. The counterpart of Python's
 * {@code autogen_ext.models.openai.OpenAIChatCompletionClient}.
 *
 * <!-- java-context: import dev.autogen.core.models.CreateResult; import dev.autogen.core.models.UserMessage;
 *      import java.util.List; import dev.autogen.core.models.ModelInfo; -->
 * <pre>{@code
 * try (var client = OpenAIChatCompletionClient.builder().model("gpt-4o").build()) {   // OPENAI_API_KEY
 *     CreateResult r = client.create(List.of(new UserMessage("What is the capital of France?", "user")));
 * }
 *
 * var local = OpenAIChatCompletionClient.builder()
 *         .model("llama3.2")
 *         .baseUrl("http://localhost:11434/v1")
 *         .modelInfo(ModelInfo.textAndTools())
 *         .build();
 * }</pre>
 *
 * <p>The API key comes from {@link Builder#apiKey}, else the environment: {@code OPENAI_API_KEY}
 * ({@code GEMINI_API_KEY} for {@code gemini-*} models, {@code ANTHROPIC_API_KEY} for {@code claude-*},
 * {@code LLAMA_API_KEY} for {@code Llama-*}, {@code XAI_API_KEY} for {@code grok-*}, each of which also
 * defaults the base URL to that provider's OpenAI-compatible endpoint). A hosted endpoint without a
 * key fails on the first call with a message naming the variable to set; a server at another
 * {@code base_url} is called without an {@code Authorization} header.
 */
public final class OpenAIChatCompletionClient extends BaseOpenAIChatCompletionClient
        implements Component<OpenAIClientConfiguration> {
    /** The provider string Python writes. */
    public static final String PROVIDER = "autogen_ext.models.openai.OpenAIChatCompletionClient";
    /** OpenAI's API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    private static final ComponentProvider<OpenAIChatCompletionClient, OpenAIClientConfiguration> COMPONENT_PROVIDER =
            new Provider();

    private final OpenAIClientConfiguration config;
    private final URI endpoint;
    private final @Nullable String apiKey;
    private final String keyVariable;
    private final boolean keyRequired;
    private final @Nullable String organization;
    private final @Nullable String project;

    OpenAIChatCompletionClient(OpenAIClientConfiguration config, Function<String, @Nullable String> env) {
        super(config);
        this.config = config;
        String model = config.model();
        Hosted hosted = Hosted.forModel(model);
        String baseUrl = config.baseUrl();
        if (baseUrl == null) {
            baseUrl = hosted != Hosted.OPENAI ? hosted.baseUrl : nonBlank(env.apply("OPENAI_BASE_URL"));
        }
        if (baseUrl == null) {
            baseUrl = DEFAULT_BASE_URL;
        }
        this.endpoint = endpoint(baseUrl);
        this.keyVariable = hosted.keyVariable;
        String key = config.apiKey() != null ? config.apiKey().value() : nonBlank(env.apply(hosted.keyVariable));
        if (key == null && hosted != Hosted.OPENAI) {
            key = nonBlank(env.apply(Hosted.OPENAI.keyVariable));
        }
        this.apiKey = key;
        String normalizedBase = stripSlashes(baseUrl);
        this.keyRequired = normalizedBase.equals(DEFAULT_BASE_URL)
                || java.util.Arrays.stream(Hosted.values()).anyMatch(h -> stripSlashes(h.baseUrl).equals(normalizedBase));
        this.organization = config.organization() != null ? config.organization() : nonBlank(env.apply("OPENAI_ORG_ID"));
        this.project = hosted == Hosted.OPENAI ? nonBlank(env.apply("OPENAI_PROJECT_ID")) : null;
    }

    /**
     * A client from a component config, reading missing settings from the environment.
     *
     * @throws IllegalArgumentException if the config is invalid, e.g. an unknown model without {@code model_info}
     */
    public static OpenAIChatCompletionClient fromConfig(OpenAIClientConfiguration config) {
        return new OpenAIChatCompletionClient(config, System::getenv);
    }

    /** A builder; {@link Builder#model} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The chat-completions URL this client posts to. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("Authorization", "Bearer " + apiKey);
        } else if (keyRequired) {
            throw new IllegalStateException(missingKey());
        }
        if (organization != null) {
            headers.put("OpenAI-Organization", organization);
        }
        if (project != null) {
            headers.put("OpenAI-Project", project);
        }
        if (config.defaultHeaders() != null) {
            headers.putAll(config.defaultHeaders());
        }
        return headers;
    }

    @Override
    public Optional<String> configurationProblem() {
        return apiKey == null && keyRequired ? Optional.of(missingKey()) : Optional.empty();
    }

    private String missingKey() {
        return "No API key for " + endpoint.getHost() + ": set the " + keyVariable
                + " environment variable or pass apiKey(...) to the builder (\"api_key\" in a component config)";
    }

    @Override
    public ComponentProvider<?, OpenAIClientConfiguration> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** The config this client was built from, as given (the API key is masked when written). */
    @Override
    public OpenAIClientConfiguration toConfig() {
        return config;
    }

    private static URI endpoint(String baseUrl) {
        URI uri;
        try {
            uri = new URI(stripSlashes(baseUrl) + "/chat/completions");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base_url '" + baseUrl + "' is not a valid URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("base_url '" + baseUrl
                    + "' must be an http(s) URL such as http://localhost:11434/v1");
        }
        return uri;
    }

    private static String stripSlashes(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The hosted providers with an OpenAI-compatible endpoint, chosen by model-name prefix as Python does. */
    private enum Hosted {
        OPENAI("", DEFAULT_BASE_URL, "OPENAI_API_KEY"),
        GEMINI("gemini-", OpenAIModelInfo.GEMINI_OPENAI_BASE_URL, "GEMINI_API_KEY"),
        ANTHROPIC("claude-", OpenAIModelInfo.ANTHROPIC_OPENAI_BASE_URL, "ANTHROPIC_API_KEY"),
        LLAMA("Llama-", OpenAIModelInfo.LLAMA_API_BASE_URL, "LLAMA_API_KEY"),
        GROK("grok-", OpenAIModelInfo.GROK_API_BASE_URL, "XAI_API_KEY");

        final String prefix;
        final String baseUrl;
        final String keyVariable;

        Hosted(String prefix, String baseUrl, String keyVariable) {
            this.prefix = prefix;
            this.baseUrl = baseUrl;
            this.keyVariable = keyVariable;
        }

        static Hosted forModel(String model) {
            for (Hosted h : values()) {
                if (h != OPENAI && model.startsWith(h.prefix)) {
                    return h;
                }
            }
            return OPENAI;
        }
    }

    /** Builds an {@link OpenAIChatCompletionClient}; see {@link BaseOpenAIChatCompletionClient.Builder} for the shared options. */
    public static final class Builder extends BaseOpenAIChatCompletionClient.Builder<Builder> {
        private @Nullable String baseUrl;
        private @Nullable String organization;

        private Builder() {
        }

        /** The API base URL, e.g. {@code http://localhost:11434/v1}; default {@code OPENAI_BASE_URL}, else OpenAI's. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The OpenAI organization id sent as {@code OpenAI-Organization}; default {@code OPENAI_ORG_ID}. */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The config this builder describes. */
        public OpenAIClientConfiguration toConfig() {
            return new OpenAIClientConfiguration(frequencyPenalty, logitBias, maxTokens, null, presencePenalty,
                    responseFormat, seed, stop, temperature, topP, user, streamOptions, parallelToolCalls, reasoningEffort,
                    requireModel(), apiKey, timeout, maxRetries, null, modelInfo, addNamePrefixes, includeNameInMessage,
                    headersOrNull(), organization, baseUrl, idleTimeout);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if no model was given
         * @throws IllegalArgumentException if the model is unknown and no model info was given, or
         *     the base URL is not an http(s) URL
         */
        public OpenAIChatCompletionClient build() {
            return new OpenAIChatCompletionClient(toConfig(), environment);
        }
    }

    /** Loads and dumps {@code autogen_ext.models.openai.OpenAIChatCompletionClient} configs. */
    public static final class Provider extends AbstractComponentProvider<OpenAIChatCompletionClient, OpenAIClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, OpenAIChatCompletionClient.class, OpenAIClientConfiguration.class,
                    "Chat completion client for OpenAI hosted models.");
            withAliases("autogen_ext.models.openai._openai_client.OpenAIChatCompletionClient",
                    OpenAIChatCompletionClient.class.getName());
        }

        @Override
        public OpenAIChatCompletionClient fromConfig(OpenAIClientConfiguration config, ComponentContext context) {
            return new OpenAIChatCompletionClient(config, context.environment()::get);
        }
    }
}
