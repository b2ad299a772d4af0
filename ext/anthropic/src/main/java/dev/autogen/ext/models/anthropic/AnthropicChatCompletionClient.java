package dev.autogen.ext.models.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.logging.LoggerNames;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.ModelCapabilities;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.http.ChatCompletionPipeline;
import dev.autogen.ext.http.ChatProtocol;
import dev.autogen.ext.http.HttpChatCompletionClient;
import dev.autogen.ext.http.HttpTransport;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat-completion client for Anthropic's Claude models over the Messages API
 * ({@code POST /v1/messages}), the counterpart of Python's
 * {@code autogen_ext.models.anthropic.AnthropicChatCompletionClient}.
 *
 * <pre>{@code
 * try (var client = AnthropicChatCompletionClient.builder("claude-3-7-sonnet-20250219").build()) {  // ANTHROPIC_API_KEY
 *     CreateResult r = client.create(List.of(new UserMessage("What is the capital of France?", "user")));
 *     System.out.println(r.content());
 * }
 * }</pre>
 *
 * <p>What it does, as Python's client: system messages (one run of consecutive ones, merged) become the
 * top-level {@code system} prompt; consecutive messages of one role are merged; tool results are sent
 * as {@code tool_result} blocks; images as base64 {@code image} blocks; {@code tool_use} answers become
 * function calls, with any text beside them and any thinking as the {@link CreateResult#thought()}.
 * Finish reasons map {@code end_turn}/{@code stop_sequence} to {@code stop}, {@code max_tokens} to
 * {@code length} and {@code tool_use} to {@code function_calls}. The API key is read from the
 * builder or {@code ANTHROPIC_API_KEY} when the first request is made, so a config without a key
 * loads anywhere.
 *
 * <p>Requests are retried on 408/409/429/5xx/529, timeouts and connection failures, up to
 * {@code max_retries} times, honouring {@code retry-after}. Cancelling the request's
 * {@link CancellationToken} (or closing a stream) aborts the HTTP exchange. Thread-safe.
 */
public final class AnthropicChatCompletionClient extends HttpChatCompletionClient implements Component<AnthropicClientConfiguration> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.models.anthropic.AnthropicChatCompletionClient";
    /** The API root used when none is configured. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The {@code anthropic-version} header sent with every request. */
    public static final String API_VERSION = "2023-06-01";
    /** The environment variable holding the API key. */
    public static final String API_KEY_ENV = "ANTHROPIC_API_KEY";
    private static final String MISSING_KEY = "No Anthropic API key: set the " + API_KEY_ENV
            + " environment variable, or pass apiKey(...) to the builder (config field api_key)";
    /** The environment variable that may hold the API root. */
    public static final String BASE_URL_ENV = "ANTHROPIC_BASE_URL";
    static final int DEFAULT_MAX_TOKENS = 4096;
    static final double DEFAULT_TEMPERATURE = 1.0;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_RETRIES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(AnthropicChatCompletionClient.class);
    private static final Logger TRACE = LoggerFactory.getLogger(LoggerNames.TRACE_LOGGER_NAME);
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final Set<String> DISALLOWED_CREATE_ARGS = Set.of("stream", "messages");
    /** Create args that are AutoGen's, not the API's: never sent. */
    private static final Set<String> LOCAL_CREATE_ARGS = Set.of("response_format", "tools", "tool_choice");
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private final AnthropicClientConfiguration config;
    private final ModelInfo modelInfo;
    private final @Nullable String apiKey;
    private final AnthropicHttp http;
    private final ChatCompletionPipeline pipeline;
    private final AtomicReference<ArrayNode> lastUsedTools = new AtomicReference<>(JSON.createArrayNode());

    /**
     * A client from its config.
     *
     * @throws IllegalArgumentException if the model is unknown and no {@code model_info} is given, or a
     *     setting is invalid
     */
    public AnthropicChatCompletionClient(AnthropicClientConfiguration config) {
        this(config, System::getenv);
    }

    AnthropicChatCompletionClient(AnthropicClientConfiguration config, Function<String, @Nullable String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.modelInfo = resolveModelInfo(config);
        String key = config.apiKey();
        if (AnthropicClientConfiguration.MASKED_SECRET.equals(key)) {
            LOG.warn("api_key of model '{}' is the masked placeholder of a dumped config; using {} instead",
                    config.model(), API_KEY_ENV);
            key = null;
        }
        this.apiKey = key != null ? key : env.apply(API_KEY_ENV);
        String baseUrl = config.baseUrl() != null ? config.baseUrl()
                : Objects.requireNonNullElse(env.apply(BASE_URL_ENV), DEFAULT_BASE_URL);
        Duration timeout = config.timeout() != null ? Duration.ofMillis(Math.round(config.timeout() * 1000))
                : DEFAULT_TIMEOUT;
        int maxRetries = config.maxRetries() != null ? config.maxRetries() : DEFAULT_MAX_RETRIES;
        this.http = new AnthropicHttp(config.model(), baseUrl, timeout, HttpTransport.idleTimeout(config.idleTimeout()),
                maxRetries,
                config.defaultHeaders() != null ? config.defaultHeaders() : Map.of(), this::requireApiKey);
        this.pipeline = new ChatCompletionPipeline(http.transport(), new Protocol(),
                ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
    }

    /** A builder for a client of {@code model}. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    private static ModelInfo resolveModelInfo(AnthropicClientConfiguration config) {
        if (config.modelInfo() != null) {
            return config.modelInfo();
        }
        if (config.modelCapabilities() != null) {
            ModelCapabilities c = config.modelCapabilities();
            LOG.warn("model_capabilities is deprecated, use model_info instead");
            return new ModelInfo(c.vision(), c.functionCalling(), c.jsonOutput(), ModelFamily.UNKNOWN, false, null);
        }
        return AnthropicModelInfo.find(config.model()).orElseThrow(() -> new IllegalArgumentException(
                "model_info is required when model name is not recognized: '" + config.model() + "' is not a known"
                        + " Claude model; pass modelInfo(ModelInfo.builder()...build()) to the builder (config field model_info)"
                        + " saying whether it supports vision, function calling and JSON output"));
    }

    @Override
    public Optional<String> configurationProblem() {
        return apiKey == null || apiKey.isBlank() ? Optional.of(MISSING_KEY) : Optional.empty();
    }

    private String requireApiKey() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException(MISSING_KEY);
        }
        return apiKey;
    }

    /** The Messages API: JSON in, JSON or server-sent events out. */
    private final class Protocol implements ChatProtocol {
        @Override
        public String providerName() {
            return "anthropic";
        }

        @Override
        public HttpRequest httpRequest(ObjectNode body) {
            return http.request(body.toString(), body.path("stream").asBoolean(false));
        }

        @Override
        public ObjectNode prepare(CreateRequest request, boolean stream) {
            return requestBody(request, stream);
        }

        @Override
        public CreateResult parse(ObjectNode body, HttpResponse<byte[]> response, ModelCallTrace trace) {
            JsonNode message = parseJson(response.body(), where());
            TRACE.debug("Anthropic call: request={} response={}", body, message);
            return AnthropicResponses.fromMessage(message, where());
        }

        @Override
        public ChatProtocol.StreamDecoder streamDecoder(ObjectNode body, Consumer<CreateStreamItem> emit) {
            return new AnthropicResponses.StreamState(where(), emit);
        }

        @Override
        public RuntimeException streamBroken(ObjectNode body, IOException cause) {
            return new AnthropicApiException("Anthropic stream of model '" + config.model() + "' from " + where()
                    + " broke off: " + cause.getMessage(), 200,
                    "connection_error", cause);
        }
    }

    private String where() {
        return "POST " + http.endpoint();
    }

    /** The JSON body of a Messages API request, built as Python's client builds its request arguments. */
    ObjectNode requestBody(CreateRequest request, boolean stream) {
        Map<String, JsonNode> args = new LinkedHashMap<>(configCreateArgs());
        request.extraCreateArgs().forEach((name, value) -> {
            if (DISALLOWED_CREATE_ARGS.contains(name)) {
                throw new IllegalArgumentException("extra_create_args must not set '" + name
                        + "': the client sets it (use createStream for streaming)");
            }
            args.put(name, JSON.valueToTree(value));
        });
        checkVision(request.messages());
        JsonOutput jsonOutput = request.jsonOutput();
        if (jsonOutput instanceof JsonOutput.Structured) {
            throw new IllegalArgumentException("Structured output is currently not supported for Anthropic models;"
                    + " use JSON mode (jsonOutput(true)) and describe the shape in the prompt");
        }
        if (jsonOutput instanceof JsonOutput.Mode mode && mode.enabled() && !modelInfo.jsonOutput()) {
            throw new IllegalArgumentException("Model does not support JSON output: model_info.json_output is false for '"
                    + config.model() + "'");
        }
        AnthropicMessages.Converted converted = AnthropicMessages.convert(request.messages());
        if (!request.tools().isEmpty() && !modelInfo.functionCalling()) {
            throw new IllegalArgumentException("Model does not support function calling: model_info.function_calling"
                    + " is false for '" + config.model() + "'");
        }

        ObjectNode body = JSON.createObjectNode();
        body.set("model", args.remove("model"));
        body.set("messages", converted.messages());
        body.set("max_tokens", args.containsKey("max_tokens") && !args.get("max_tokens").isNull()
                ? args.remove("max_tokens") : JSON.getNodeFactory().numberNode(DEFAULT_MAX_TOKENS));
        args.remove("max_tokens");
        JsonNode temperature = args.remove("temperature");
        body.set("temperature", temperature != null && !temperature.isNull() ? temperature
                : JSON.getNodeFactory().numberNode(DEFAULT_TEMPERATURE));
        if (converted.system() != null) {
            body.put("system", converted.system());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = AnthropicMessages.tools(request.tools());
            lastUsedTools.set(tools);
            body.set("tools", tools);
            body.set("tool_choice", AnthropicMessages.toolChoice(request.toolChoice()));
        } else if (request.messages().stream().anyMatch(m -> m instanceof FunctionExecutionResultMessage)
                && !lastUsedTools.get().isEmpty()) {
            body.set("tools", lastUsedTools.get());
        }
        args.keySet().removeAll(LOCAL_CREATE_ARGS);
        args.forEach((name, value) -> {
            if (!value.isNull()) {
                body.set(name, value);
            }
        });
        JsonNode thinking = body.get("thinking");
        if (thinking != null && "enabled".equals(thinking.path("type").asText())
                && body.path("temperature").asDouble() != 1.0) {
            LOG.debug("extended thinking requires temperature 1.0; overriding {}", body.get("temperature"));
            body.put("temperature", 1.0);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private Map<String, JsonNode> configCreateArgs() {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("model", JSON.getNodeFactory().textNode(config.model()));
        putIfSet(args, "max_tokens", config.maxTokens());
        putIfSet(args, "temperature", config.temperature());
        putIfSet(args, "top_p", config.topP());
        putIfSet(args, "top_k", config.topK());
        putIfSet(args, "stop_sequences", config.stopSequences());
        putIfSet(args, "metadata", config.metadata());
        putIfSet(args, "thinking", config.thinking());
        return args;
    }

    private static void putIfSet(Map<String, JsonNode> args, String name, @Nullable Object value) {
        if (value != null) {
            args.put(name, JSON.valueToTree(value));
        }
    }

    private void checkVision(List<LLMMessage> messages) {
        if (modelInfo.vision()) {
            return;
        }
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage u && u.content() instanceof UserContent.Multi multi
                    && multi.parts().stream().anyMatch(p -> p instanceof Image)) {
                throw new IllegalArgumentException("Model does not support vision and image was provided: model_info.vision"
                        + " is false for '" + config.model() + "'");
            }
        }
    }

    private static JsonNode parseJson(byte[] bytes, String where) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new AnthropicApiException("Anthropic response from " + where + " is not a JSON object: "
                        + AnthropicResponses.abbreviate(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)), 200,
                        null, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AnthropicApiException("Anthropic response from " + where + " is not valid JSON ("
                    + e.getOriginalMessage() + "): "
                    + AnthropicResponses.abbreviate(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)), 200,
                    null, e);
        } catch (IOException e) {
            throw new AnthropicApiException("Anthropic response from " + where + " could not be read: " + e, 200, null, e);
        }
    }

    /**
     * An estimate with the cl100k_base encoding and the overheads Python's client uses (Claude's own
     * tokenizer is not public).
     */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int tokens = 0;
        for (LLMMessage message : messages) {
            if (message instanceof SystemMessage s) {
                tokens += ENCODING.countTokens(s.content()) + 15;
                break;
            }
        }
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> { }
                case UserMessage u -> {
                    tokens += 10;
                    switch (u.content()) {
                        case UserContent.Text t -> tokens += ENCODING.countTokens(t.text());
                        case UserContent.Multi m -> {
                            for (Object part : m.parts()) {
                                tokens += part instanceof String s ? ENCODING.countTokens(s) : 512;
                            }
                        }
                    }
                }
                case AssistantMessage a -> {
                    tokens += 10;
                    switch (a.content()) {
                        case ModelContent.Text t -> tokens += ENCODING.countTokens(t.text());
                        case ModelContent.FunctionCalls calls -> {
                            for (FunctionCall call : calls.calls()) {
                                tokens += ENCODING.countTokens(call.name()) + ENCODING.countTokens(call.arguments()) + 10;
                            }
                        }
                    }
                }
                case FunctionExecutionResultMessage f -> {
                    tokens += 10;
                    for (FunctionExecutionResult result : f.content()) {
                        tokens += ENCODING.countTokens(result.content()) + 10;
                    }
                }
            }
        }
        for (ToolSchema tool : tools) {
            tokens += ENCODING.countTokens(tool.name()) + 20;
            if (tool.description() != null) {
                tokens += ENCODING.countTokens(tool.description());
            }
            if (tool.parameters() != null) {
                for (var property : tool.parameters().properties().entrySet()) {
                    tokens += ENCODING.countTokens(property.getKey());
                    JsonNode schema = property.getValue();
                    if (schema.path("type").isTextual()) {
                        tokens += ENCODING.countTokens(schema.get("type").asText());
                    }
                    if (schema.path("description").isTextual()) {
                        tokens += ENCODING.countTokens(schema.get("description").asText());
                    }
                    for (JsonNode value : schema.path("enum")) {
                        tokens += value.isTextual() ? ENCODING.countTokens(value.asText()) : 2;
                    }
                }
            }
        }
        return tokens;
    }

    /** The model's context window ({@link AnthropicModelInfo#tokenLimit}) minus {@link #countTokens}. */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return AnthropicModelInfo.tokenLimit(config.model()) - countTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** The model id. */
    public String model() {
        return config.model();
    }

    /** This client's config, with the API key masked. */
    @Override
    public AnthropicClientConfiguration toConfig() {
        return config.masked();
    }

    @Override
    public ComponentProvider<?, AnthropicClientConfiguration> componentProvider() {
        return new Provider();
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    protected ChatCompletionPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "AnthropicChatCompletionClient[model=" + config.model() + ", endpoint=" + http.endpoint() + "]";
    }

    /**
     * Builds an {@link AnthropicChatCompletionClient}; every setting but the model is optional.
     *
     * <pre>{@code
     * var client = AnthropicChatCompletionClient.builder("claude-3-5-haiku-20241022")
     *         .maxTokens(1024).temperature(0.2).timeout(Duration.ofSeconds(60)).maxRetries(4)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final String model;
        private @Nullable Integer maxTokens = DEFAULT_MAX_TOKENS;
        private @Nullable Double temperature = DEFAULT_TEMPERATURE;
        private @Nullable Double topP;
        private @Nullable Integer topK;
        private @Nullable List<String> stopSequences;
        private @Nullable Map<String, String> metadata;
        private @Nullable ThinkingConfig thinking;
        private @Nullable String apiKey;
        private @Nullable String baseUrl;
        private @Nullable ModelInfo modelInfo;
        private @Nullable Double timeout;
        private @Nullable Double idleTimeout;
        private @Nullable Integer maxRetries;
        private @Nullable Map<String, String> defaultHeaders;
        private Function<String, @Nullable String> env = System::getenv;

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The API key (default: {@code ANTHROPIC_API_KEY}). */
        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "apiKey");
            return this;
        }

        /** The API root, e.g. a proxy or a local test server (default {@code ANTHROPIC_BASE_URL}, else {@value AnthropicChatCompletionClient#DEFAULT_BASE_URL}). */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /** The most tokens to generate (default 4096). */
        public Builder maxTokens(int tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be positive, got " + tokens);
            }
            this.maxTokens = tokens;
            return this;
        }

        /** The sampling temperature (default 1.0). */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /** Nucleus sampling. */
        public Builder topP(double value) {
            this.topP = value;
            return this;
        }

        /** Top-k sampling. */
        public Builder topK(int value) {
            this.topK = value;
            return this;
        }

        /** Texts that stop generation. */
        public Builder stopSequences(List<String> sequences) {
            this.stopSequences = List.copyOf(sequences);
            return this;
        }

        /** Request metadata, e.g. {@code Map.of("user_id", "u-123")}. */
        public Builder metadata(Map<String, String> values) {
            this.metadata = Map.copyOf(values);
            return this;
        }

        /** Extended thinking for every request (a request may override it with {@code extraCreateArg("thinking", ...)}). */
        public Builder thinking(ThinkingConfig config) {
            this.thinking = Objects.requireNonNull(config, "thinking");
            return this;
        }

        /** What the model can do; required for a model id not in {@link AnthropicModelInfo}. */
        public Builder modelInfo(ModelInfo info) {
            this.modelInfo = Objects.requireNonNull(info, "modelInfo");
            return this;
        }

        /** How long to wait for a response (default 10 minutes). */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + value);
            }
            this.timeout = value.toMillis() / 1000.0;
            return this;
        }

        /** How long a response may stay silent between two bytes before the attempt fails and is retried (default 60 s). */
        public Builder idleTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + value);
            }
            this.idleTimeout = value.toMillis() / 1000.0;
            return this;
        }

        /** Retries after a retryable failure (default 2; 0 disables retries). */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** Extra headers sent with every request. */
        public Builder defaultHeaders(Map<String, String> headers) {
            this.defaultHeaders = Map.copyOf(headers);
            return this;
        }

        /** Where environment variables are read from (tests). */
        Builder environment(Map<String, String> variables) {
            this.env = variables::get;
            return this;
        }

        /** The config this builder describes. */
        public AnthropicClientConfiguration toConfig() {
            return new AnthropicClientConfiguration(model, maxTokens, temperature, topP, topK, stopSequences, null,
                    metadata, thinking, apiKey, baseUrl, null, modelInfo, timeout, maxRetries, defaultHeaders, null, null,
                    idleTimeout);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException if the model is unknown and no model info was given
         */
        public AnthropicChatCompletionClient build() {
            return new AnthropicChatCompletionClient(toConfig(), env);
        }
    }

    /** Loads and dumps {@code autogen_ext.models.anthropic.AnthropicChatCompletionClient} components. */
    public static final class Provider
            extends AbstractComponentProvider<AnthropicChatCompletionClient, AnthropicClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, AnthropicChatCompletionClient.class,
                    AnthropicClientConfiguration.class, "Chat completion client for Anthropic's Claude models.");
            withAliases(AnthropicChatCompletionClient.class.getName(),
                    "autogen_ext.models.anthropic._anthropic_client.AnthropicChatCompletionClient");
        }

        @Override
        public AnthropicChatCompletionClient fromConfig(AnthropicClientConfiguration config, ComponentContext context) {
            try {
                return new AnthropicChatCompletionClient(config, context.environment()::get);
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                String field = message.contains("model_info") ? "model_info"
                        : message.contains("base_url") ? "base_url" : "model";
                throw context.invalid(field, message);
            }
        }
    }
}
