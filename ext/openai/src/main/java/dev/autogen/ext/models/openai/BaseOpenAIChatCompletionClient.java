package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.Image;
import dev.autogen.core.logging.LoggerNames;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.http.ChatCompletionPipeline;
import dev.autogen.ext.http.ChatProtocol;
import dev.autogen.ext.http.HttpChatCompletionClient;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.StreamFraming;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link OpenAIChatCompletionClient}, {@link AzureOpenAIChatCompletionClient} and
 * {@link AzureAIChatCompletionClient} (whose API speaks the same JSON) share: turning
 * a {@link CreateRequest} into a chat-completions request, sending it (plain or streamed, with
 * retries and cancellation), turning the answer into a {@link CreateResult}, usage accounting and
 * token counting. The subclasses supply the URL and the authentication headers, and may narrow the
 * extra create arguments or adjust the body.
 *
 * <p>Thread-safe: one client may serve many concurrent calls.
 */
public abstract sealed class BaseOpenAIChatCompletionClient extends HttpChatCompletionClient
        permits OpenAIChatCompletionClient, AzureOpenAIChatCompletionClient, AzureAIChatCompletionClient {
    private static final Logger TRACE = LoggerFactory.getLogger(LoggerNames.TRACE_LOGGER_NAME);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    private static final int DEFAULT_MAX_RETRIES = 2;

    /** The chat-completion parameters a request may set through {@code extraCreateArgs}. */
    static final Set<String> CREATE_ARGS = Set.of("frequency_penalty", "logit_bias", "logprobs", "top_logprobs",
            "max_tokens", "max_completion_tokens", "metadata", "modalities", "parallel_tool_calls", "prediction",
            "presence_penalty", "reasoning_effort", "response_format", "seed", "service_tier", "stop", "store",
            "stream_options", "temperature", "tool_choice", "top_p", "user", "audio", "web_search_options",
            "verbosity", "prompt_cache_key", "safety_identifier", "model", "extra_body");
    /** Parameters the client sets itself (Python's {@code disallowed_create_args}). */
    static final Set<String> DISALLOWED_CREATE_ARGS = Set.of("stream", "messages", "function_call", "functions", "n");

    private final BaseOpenAIClientConfiguration config;
    private final ModelInfo modelInfo;
    private final String resolvedModel;
    private final OpenAIHttp http;
    private final ChatCompletionPipeline pipeline;
    private final OpenAITokenCounter tokenCounter;
    private volatile boolean closed;

    BaseOpenAIChatCompletionClient(BaseOpenAIClientConfiguration config) {
        this(config, "OpenAI API");
    }

    /**
     * A client speaking the chat-completions format to an API that {@code apiName} names in error
     * messages (e.g. {@code "Azure AI model inference API"}).
     */
    BaseOpenAIChatCompletionClient(BaseOpenAIClientConfiguration config, String apiName) {
        this.config = config;
        this.modelInfo = resolveModelInfo(config);
        this.resolvedModel = OpenAIModelInfo.resolveModel(config.model());
        if (config.n() != null) {
            throw new IllegalArgumentException("Disallowed create args are present: [n]; the client asks for one choice");
        }
        JsonNode format = config.responseFormat();
        if (format != null && "json_object".equals(format.path("type").asText()) && !modelInfo.jsonOutput()) {
            throw new IllegalArgumentException("Model does not support JSON output.");
        }
        if (format != null && "json_schema".equals(format.path("type").asText()) && !modelInfo.structuredOutput()) {
            throw new IllegalArgumentException("Model does not support structured output.");
        }
        Duration timeout = config.timeout() == null ? DEFAULT_TIMEOUT
                : Duration.ofMillis(Math.round(config.timeout() * 1000));
        this.http = new OpenAIHttp(apiName, config.model(), timeout, HttpTransport.idleTimeout(config.idleTimeout()),
                config.maxRetries() == null ? DEFAULT_MAX_RETRIES : config.maxRetries());
        this.tokenCounter = OpenAITokenCounter.forModel(config.model());
        this.pipeline = new ChatCompletionPipeline(http.transport(), new Protocol(),
                ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
    }

    private static ModelInfo resolveModelInfo(BaseOpenAIClientConfiguration config) {
        if (config.modelInfo() != null && config.modelCapabilities() != null) {
            throw new IllegalArgumentException("model_capabilities and model_info are mutually exclusive");
        }
        if (config.modelInfo() != null) {
            return config.modelInfo();
        }
        if (config.modelCapabilities() != null) {
            TRACE.warn("model_capabilities is deprecated, use model_info instead");
            var c = config.modelCapabilities();
            return new ModelInfo(c.vision(), c.functionCalling(), c.jsonOutput(), ModelFamily.UNKNOWN, false, null);
        }
        return OpenAIModelInfo.info(config.model()).orElseThrow(() -> new IllegalArgumentException(
                "model_info is required when model name is not a valid OpenAI model: '" + config.model()
                        + "' is not among the known models; pass modelInfo(...) to the builder, e.g."
                        + " ModelInfo.textAndTools() or ModelInfo.builder().functionCalling(true).build() (\"model_info\" in a config)"));
    }

    /** The chat-completions URL. */
    abstract URI endpoint();

    /**
     * The headers of one attempt: authentication (evaluated per attempt, so a token provider can
     * refresh) and the configured default headers.
     *
     * @throws IllegalStateException if no credentials are configured; the message says how to give them
     */
    abstract Map<String, String> headers();

    /** The headers of one attempt sending {@code body}; by default {@link #headers()}. */
    Map<String, String> headers(ObjectNode body) {
        return headers();
    }

    /** The chat-completion parameters a request may set through {@code extraCreateArgs}. */
    Set<String> createArgs() {
        return CREATE_ARGS;
    }

    /** {@code gen_ai.provider.name} of the OpenTelemetry GenAI conventions. */
    String providerName() {
        return "openai";
    }

    /** The config this client was built from; its secrets are masked when written. */
    BaseOpenAIClientConfiguration configuration() {
        return config;
    }

    /** Chat completions: JSON in, JSON or server-sent events ending with {@code [DONE]} out. */
    private final class Protocol implements ChatProtocol {
        @Override
        public String providerName() {
            return BaseOpenAIChatCompletionClient.this.providerName();
        }

        @Override
        public ObjectNode prepare(CreateRequest request, boolean stream) {
            checkOpen();
            ObjectNode body = requestBody(request, stream);
            headers();
            return body;
        }

        @Override
        public HttpRequest httpRequest(ObjectNode body) {
            return http.request(endpoint(), headers(body), body.toString(), body.path("stream").asBoolean(false));
        }

        @Override
        public Duration responseWait() {
            return http.timeout();
        }

        @Override
        public CreateResult parse(ObjectNode body, HttpResponse<byte[]> response, ModelCallTrace trace) {
            URI uri = response.uri();
            JsonNode completion = OpenAIHttp.parseJson(uri, response.statusCode(),
                    response.headers().firstValue("content-type").orElse("?"),
                    new String(response.body(), StandardCharsets.UTF_8));
            trace.recordResponse(completion);
            CreateResult result = OpenAIResponses.fromCompletion(completion, modelInfo, endpoint().toString());
            String answeredModel = OpenAIResponses.textOrNull(completion.get("model"));
            if (answeredModel != null && !answeredModel.equals(resolvedModel)) {
                TRACE.debug("Resolved model mismatch: {} != {}. Set the model to {} for better token estimation.",
                        resolvedModel, answeredModel, answeredModel);
            }
            return result;
        }

        @Override
        public ChatProtocol.StreamDecoder streamDecoder(ObjectNode body, Consumer<CreateStreamItem> emit) {
            URI uri = endpoint();
            var accumulator = new OpenAIResponses.StreamAccumulator(modelInfo);
            return new ChatProtocol.StreamDecoder() {
                private boolean done;

                @Override
                public void accept(StreamFraming.Frame frame) {
                    if (frame.data().equals("[DONE]")) {
                        done = true;
                        return;
                    }
                    for (String text : accumulator.accept(parseChunk(uri, frame))) {
                        emit.accept(new ChatCompletionChunk(text));
                    }
                }

                @Override
                public boolean done() {
                    return done;
                }

                @Override
                public boolean complete() {
                    return done || accumulator.finished();
                }

                @Override
                public CreateResult finish() {
                    for (String text : accumulator.flush()) {
                        emit.accept(new ChatCompletionChunk(text));
                    }
                    return accumulator.finish();
                }
            };
        }

        @Override
        public RuntimeException streamBroken(ObjectNode body, IOException cause) {
            return new OpenAIException("the event stream of model '" + config.model() + "' from " + endpoint()
                    + " broke off: " + cause.getMessage(), cause);
        }
    }

    private static JsonNode parseChunk(URI uri, StreamFraming.Frame event) {
        JsonNode chunk;
        try {
            chunk = AutogenJson.mapper().readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new OpenAIException("the event stream from " + uri + " carried malformed JSON: " + e.getOriginalMessage()
                    + "; the event data starts with: " + OpenAIResponses.abbreviate(event.data()), e);
        }
        if (chunk == null || !chunk.isObject()) {
            throw new OpenAIException("the event stream from " + uri + " carried " + event.data()
                    + " where a chat.completion.chunk object was expected");
        }
        if (chunk.has("error") || "error".equals(event.name())) {
            JsonNode error = chunk.has("error") ? chunk.get("error") : chunk;
            throw new OpenAIException("the server at " + uri + " reported an error mid-stream: "
                    + error.path("message").asText(error.toString()));
        }
        return chunk;
    }

    /**
     * The JSON request for {@code request}, as Python's {@code _process_create_args} prepares it.
     *
     * @throws IllegalArgumentException if the request asks for something the model cannot do, or
     *     has invalid extra create arguments
     */
    ObjectNode requestBody(CreateRequest request, boolean stream) {
        Map<String, Object> extra = request.extraCreateArgs();
        Set<String> disallowed = new TreeSet<>(extra.keySet());
        disallowed.retainAll(DISALLOWED_CREATE_ARGS);
        if (!disallowed.isEmpty()) {
            throw new IllegalArgumentException("Disallowed create args are present: " + disallowed
                    + "; the client sets these itself");
        }
        Set<String> unknown = new TreeSet<>(extra.keySet());
        Set<String> allowed = createArgs();
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Extra create args are invalid: " + unknown + "; allowed are "
                    + new TreeSet<>(allowed) + (allowed.contains("extra_body")
                            ? ". Put server-specific parameters in \"extra_body\", a map merged into the request body"
                            : allowed.contains("model_extras")
                                    ? ". Put model-specific parameters in \"model_extras\", a map merged into the request body"
                                    : ""));
        }
        JsonOutput jsonOutput = request.jsonOutput();
        if (jsonOutput instanceof JsonOutput.Mode mode && mode.enabled() && !modelInfo.jsonOutput()) {
            throw new IllegalArgumentException("Model does not support JSON output.");
        }
        if (jsonOutput instanceof JsonOutput.Structured && !modelInfo.structuredOutput()) {
            throw new IllegalArgumentException("Model does not support structured output.");
        }
        if (!modelInfo.vision()) {
            for (LLMMessage message : request.messages()) {
                if (message instanceof UserMessage u && u.content() instanceof UserContent.Multi multi
                        && multi.parts().stream().anyMatch(Image.class::isInstance)) {
                    throw new IllegalArgumentException("Model does not support vision and image was provided");
                }
            }
        }
        if (!modelInfo.functionCalling() && !request.tools().isEmpty()) {
            throw new IllegalArgumentException("Model does not support function calling");
        }
        List<LLMMessage> messages = Boolean.FALSE.equals(modelInfo.multipleSystemMessages())
                ? OpenAIMessages.mergeSystemMessages(request.messages()) : request.messages();

        ObjectNode body = JSON.objectNode();
        body.set("messages", OpenAIMessages.toOpenAI(messages, Boolean.TRUE.equals(config.addNamePrefixes()),
                !Boolean.FALSE.equals(config.includeNameInMessage())));
        body.put("model", config.model());
        putIfSet(body, "frequency_penalty", config.frequencyPenalty());
        putIfSet(body, "logit_bias", config.logitBias());
        putIfSet(body, "max_tokens", config.maxTokens());
        putIfSet(body, "presence_penalty", config.presencePenalty());
        putIfSet(body, "response_format", config.responseFormat());
        putIfSet(body, "seed", config.seed());
        putIfSet(body, "stop", config.stop());
        putIfSet(body, "temperature", config.temperature());
        putIfSet(body, "top_p", config.topP());
        putIfSet(body, "user", config.user());
        putIfSet(body, "stream_options", config.streamOptions());
        putIfSet(body, "parallel_tool_calls", config.parallelToolCalls());
        putIfSet(body, "reasoning_effort", config.reasoningEffort());
        @Nullable Object extraBody = null;
        for (var arg : extra.entrySet()) {
            if (arg.getKey().equals("extra_body")) {
                extraBody = arg.getValue();
            } else {
                putIfSet(body, arg.getKey(), arg.getValue());
            }
        }
        if (jsonOutput != null) {
            body.set("response_format", OpenAIMessages.responseFormat(jsonOutput));
        }
        if (!request.tools().isEmpty()) {
            body.set("tools", OpenAIMessages.tools(request.tools()));
            if (!extra.containsKey("tool_choice")) {
                body.set("tool_choice", OpenAIMessages.toolChoice(request.toolChoice()));
            }
        } else {
            // OpenAI rejects these without tools.
            body.remove("parallel_tool_calls");
            body.remove("tool_choice");
        }
        if (stream) {
            body.put("stream", true);
            if (!body.has("stream_options")) {
                body.putObject("stream_options").put("include_usage", true);
            }
        } else {
            body.remove("stream_options");
        }
        if (extraBody != null) {
            JsonNode extraNode = AutogenJson.mapper().valueToTree(extraBody);
            if (!(extraNode instanceof ObjectNode extraObject)) {
                throw new IllegalArgumentException("extra_body must be a map of request fields, got " + extraNode);
            }
            body.setAll(extraObject);
        }
        return body;
    }

    private static void putIfSet(ObjectNode body, String name, @Nullable Object value) {
        if (value != null) {
            body.set(name, AutogenJson.mapper().valueToTree(value));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " for model '" + config.model()
                    + "' is closed; create a new client");
        }
    }

    /** Counts with the model's tokenizer as Python's {@code count_tokens_openai} (cl100k_base for unknown models). */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return tokenCounter.countTokens(messages, tools);
    }

    /**
     * The model's context window minus {@link #countTokens}.
     *
     * @throws IllegalStateException if the model's context window is unknown (a model outside
     *     {@link OpenAIModelInfo})
     */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int limit = OpenAIModelInfo.tokenLimit(config.model()).orElseThrow(() -> new IllegalStateException(
                "the context window of model '" + config.model() + "' is unknown, so remaining tokens cannot be computed;"
                        + " use a model listed in OpenAIModelInfo or count with countTokens(...)"));
        return limit - countTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** The model name as configured. */
    public String model() {
        return config.model();
    }

    /** How long one attempt may take. */
    public Duration timeout() {
        return http.timeout();
    }

    /** How long a response may stay silent between two bytes. */
    public Duration idleTimeout() {
        return http.idleTimeout();
    }

    /** How many times a failed request is retried. */
    public int maxRetries() {
        return http.maxRetries();
    }

    @Override
    protected ChatCompletionPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pipeline.close();
        }
    }

    /**
     * The options both clients share; every one maps to a field of Python's config. Unset options
     * are not sent, so the server's defaults apply.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        @Nullable String model;
        @Nullable Secret apiKey;
        @Nullable Double timeout;
        @Nullable Double idleTimeout;
        @Nullable Integer maxRetries;
        @Nullable ModelInfo modelInfo;
        @Nullable Double frequencyPenalty;
        @Nullable Map<String, Integer> logitBias;
        @Nullable Integer maxTokens;
        @Nullable Double presencePenalty;
        @Nullable JsonNode responseFormat;
        @Nullable Long seed;
        @Nullable JsonNode stop;
        @Nullable Double temperature;
        @Nullable Double topP;
        @Nullable String user;
        @Nullable JsonNode streamOptions;
        @Nullable Boolean parallelToolCalls;
        @Nullable String reasoningEffort;
        @Nullable Boolean addNamePrefixes;
        @Nullable Boolean includeNameInMessage;
        final Map<String, String> defaultHeaders = new java.util.LinkedHashMap<>();
        java.util.function.Function<String, @Nullable String> environment = System::getenv;

        Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The model name, e.g. {@code gpt-4o} (required). */
        public B model(String model) {
            this.model = java.util.Objects.requireNonNull(model, "model");
            return self();
        }

        /** The API key; without one the client reads the provider's environment variable. */
        public B apiKey(String apiKey) {
            this.apiKey = new Secret(apiKey);
            return self();
        }

        /**
         * How long one attempt may take (default 600 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public B timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout.toNanos() / 1e9;
            return self();
        }

        /**
         * How long a response may stay silent between two bytes, streamed or not, before the attempt
         * fails and is retried (default 60 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public B idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
            }
            this.idleTimeout = idleTimeout.toNanos() / 1e9;
            return self();
        }

        /**
         * How many times to retry a request that failed with 408, 409, 429, 5xx, a timeout or a
         * connection error (default 2).
         *
         * @throws IllegalArgumentException if negative
         */
        public B maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return self();
        }

        /** What the model can do; required for a model not in {@link OpenAIModelInfo}. */
        public B modelInfo(ModelInfo modelInfo) {
            this.modelInfo = modelInfo;
            return self();
        }

        /** Sampling temperature, 0 to 2. */
        public B temperature(double temperature) {
            this.temperature = temperature;
            return self();
        }

        /** Nucleus sampling probability mass. */
        public B topP(double topP) {
            this.topP = topP;
            return self();
        }

        /** Seed for best-effort deterministic sampling. */
        public B seed(long seed) {
            this.seed = seed;
            return self();
        }

        /** The most tokens to generate. */
        public B maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return self();
        }

        /** Stop sequences (up to four). */
        public B stop(String... stop) {
            this.stop = stop.length == 1 ? JSON.textNode(stop[0]) : AutogenJson.mapper().valueToTree(List.of(stop));
            return self();
        }

        /** Penalty for tokens already present, -2.0 to 2.0. */
        public B presencePenalty(double penalty) {
            this.presencePenalty = penalty;
            return self();
        }

        /** Penalty for tokens by their frequency so far, -2.0 to 2.0. */
        public B frequencyPenalty(double penalty) {
            this.frequencyPenalty = penalty;
            return self();
        }

        /** Biases for token ids, -100 to 100. */
        public B logitBias(Map<String, Integer> bias) {
            this.logitBias = Map.copyOf(bias);
            return self();
        }

        /** An end-user id for abuse monitoring. */
        public B user(String user) {
            this.user = user;
            return self();
        }

        /**
         * Structured output by default: every answer follows the JSON schema of {@code type} (a
         * record, usually), sent as a strict {@code json_schema} response format. A request's own
         * {@link CreateRequest#jsonOutput()} takes precedence.
         */
        public B responseFormat(Class<?> type) {
            this.responseFormat = OpenAIMessages.jsonSchemaFormat(type.getSimpleName(),
                    dev.autogen.core.tools.JsonSchemas.forType(type));
            return self();
        }

        /** A raw {@code response_format}, e.g. {@code {"type": "json_object"}}. */
        public B responseFormat(JsonNode responseFormat) {
            this.responseFormat = responseFormat;
            return self();
        }

        /** Whether streamed calls ask for token usage in a last chunk (default true). */
        public B includeUsageInStream(boolean include) {
            this.streamOptions = JSON.objectNode().put("include_usage", include);
            return self();
        }

        /** Whether the model may call several tools in one turn (server default: true). */
        public B parallelToolCalls(boolean parallel) {
            this.parallelToolCalls = parallel;
            return self();
        }

        /** Reasoning effort for reasoning models: {@code minimal}, {@code low}, {@code medium} or {@code high}. */
        public B reasoningEffort(String effort) {
            this.reasoningEffort = effort;
            return self();
        }

        /** Adds a header sent with every request. */
        public B defaultHeader(String name, String value) {
            defaultHeaders.put(name, value);
            return self();
        }

        /** Adds headers sent with every request. */
        public B defaultHeaders(Map<String, String> headers) {
            defaultHeaders.putAll(headers);
            return self();
        }

        /** Prefix user text with {@code "<source> said:\n"}, for models that ignore the {@code name} field. */
        public B addNamePrefixes(boolean add) {
            this.addNamePrefixes = add;
            return self();
        }

        /** Whether messages carry the {@code name} field (default true); turn off for servers that reject it. */
        public B includeNameInMessage(boolean include) {
            this.includeNameInMessage = include;
            return self();
        }

        /** Where environment variables are read from (tests); {@code System::getenv} by default. */
        B environment(java.util.function.Function<String, @Nullable String> environment) {
            this.environment = environment;
            return self();
        }

        String requireModel() {
            if (model == null) {
                throw new IllegalStateException("model is required: call model(\"gpt-4o\") (or another model name)");
            }
            return model;
        }

        @Nullable Map<String, String> headersOrNull() {
            return defaultHeaders.isEmpty() ? null : Map.copyOf(defaultHeaders);
        }
    }
}
