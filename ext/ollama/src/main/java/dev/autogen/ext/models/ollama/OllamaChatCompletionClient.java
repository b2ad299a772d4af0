package dev.autogen.ext.models.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
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
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.JsonSchemas;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.http.ChatCompletionPipeline;
import dev.autogen.ext.http.ChatProtocol;
import dev.autogen.ext.http.HttpChatCompletionClient;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.IdleTimeoutException;
import dev.autogen.ext.http.IncompleteStreamException;
import dev.autogen.ext.http.RetryPolicy;
import dev.autogen.ext.http.StreamFraming;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat-completion client for models served by <a href="https://ollama.com">Ollama</a>, over its
 * native {@code POST /api/chat} endpoint; the counterpart of Python's
 * {@code autogen_ext.models.ollama.OllamaChatCompletionClient}.
 *
 * <pre>{@code
 * try (var client = OllamaChatCompletionClient.builder("llama3.2").build()) {   // OLLAMA_HOST or localhost:11434
 *     CreateResult r = client.create(List.of(new UserMessage("Why is the sky blue?", "user")));
 *     System.out.println(r.content());
 * }
 * }</pre>
 *
 * <p>Streams read Ollama's newline-delimited JSON. JSON mode sends {@code "format": "json"};
 * structured output ({@link JsonOutput#structured(Class)} or {@code response_format}) sends the
 * type's JSON schema as {@code format}. Usage comes from {@code prompt_eval_count} and
 * {@code eval_count}; a reasoning model's {@code thinking} (ask for it with {@code think}) becomes
 * {@link CreateResult#thought()}, as does a {@code <think>...</think>} prefix written by an R1-family
 * model. Ollama gives no tool-call ids, so the client numbers them.
 * {@link ToolChoice#NONE} sends no tools and a named tool choice sends only that tool (Ollama cannot
 * force a call). Cancelling the request's token, or closing a stream, aborts the HTTP exchange.
 * Thread-safe.
 */
public final class OllamaChatCompletionClient extends HttpChatCompletionClient implements Component<OllamaClientConfiguration> {
    /** The provider name Python writes in component configs. */
    public static final String PROVIDER = "autogen_ext.models.ollama.OllamaChatCompletionClient";
    /** The server used when neither the config nor {@code OLLAMA_HOST} names one. */
    public static final String DEFAULT_HOST = "http://localhost:11434";
    /** The environment variable that may name the server. */
    public static final String HOST_ENV = "OLLAMA_HOST";
    /** The context window assumed for a model in neither {@code options.num_ctx} nor the table (Ollama's default). */
    static final int DEFAULT_CONTEXT = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(OllamaChatCompletionClient.class);
    private static final Logger TRACE = LoggerFactory.getLogger(LoggerNames.TRACE_LOGGER_NAME);
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final Set<String> DISALLOWED_CREATE_ARGS = Set.of("stream", "messages");
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private final OllamaClientConfiguration config;
    private final ModelInfo modelInfo;
    private final URI chatEndpoint;
    private final @Nullable Duration timeout;
    private final ChatCompletionPipeline pipeline;
    private final AtomicLong toolCallIds = new AtomicLong();

    /**
     * A client from its config.
     *
     * @throws IllegalArgumentException if the model is not in {@link OllamaModelInfo} and no
     *     {@code model_info} is given, or the host is not a valid URL
     */
    public OllamaChatCompletionClient(OllamaClientConfiguration config) {
        this(config, System::getenv);
    }

    OllamaChatCompletionClient(OllamaClientConfiguration config, Function<String, @Nullable String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.modelInfo = resolveModelInfo(config);
        String host = config.host() != null ? config.host() : env.apply(HOST_ENV);
        this.chatEndpoint = parseHost(host == null || host.isBlank() ? DEFAULT_HOST : host).resolve("api/chat");
        this.timeout = config.timeout() == null ? null : Duration.ofMillis(Math.round(config.timeout() * 1000));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version("https".equals(chatEndpoint.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(Boolean.FALSE.equals(config.followRedirects()) ? HttpClient.Redirect.NEVER
                        : HttpClient.Redirect.NORMAL);
        if (timeout != null) {
            builder.connectTimeout(timeout);
        }
        this.pipeline = new ChatCompletionPipeline(new HttpTransport(builder.build(),
                RetryPolicy.none(), new Errors(), "Ollama request", HttpTransport.idleTimeout(config.idleTimeout())),
                new Protocol(),
                ChatCompletionPipeline.DEFAULT_INTERCEPTORS);
    }

    /** A builder for a client of {@code model}. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /**
     * The server root for a host as Ollama's own clients read it: the scheme defaults to
     * {@code http} and a plain-http port to 11434 ({@code 0.0.0.0}, {@code myhost:8080}, {@code https://host}).
     *
     * @throws IllegalArgumentException if the host is not a valid URL
     */
    static URI parseHost(String host) {
        String text = host.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("invalid Ollama host '" + host + "': no host name");
            }
            int port = uri.getPort() != -1 || "https".equals(uri.getScheme()) ? uri.getPort() : 11434;
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), null, uri.getHost(), port, path + "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid Ollama host '" + host + "': " + e.getMessage()
                    + "; expected e.g. http://localhost:11434", e);
        }
    }

    private static ModelInfo resolveModelInfo(OllamaClientConfiguration config) {
        if (config.modelInfo() != null) {
            return config.modelInfo();
        }
        if (config.modelCapabilities() != null) {
            ModelCapabilities c = config.modelCapabilities();
            LOG.warn("model_capabilities is deprecated, use model_info instead");
            return new ModelInfo(c.vision(), c.functionCalling(), c.jsonOutput(), ModelFamily.UNKNOWN, false, null);
        }
        return OllamaModelInfo.find(config.model()).orElseThrow(() -> new IllegalArgumentException(
                "model_info is required when model name is not recognized: '" + config.model() + "' (model class '"
                        + OllamaModelInfo.modelClass(config.model()) + "') is not in OllamaModelInfo; pass"
                        + " modelInfo(ModelInfo.builder()...build()) to the builder (config field model_info) saying whether it"
                        + " supports vision, function calling, JSON and structured output"));
    }

    /** The JSON body of an {@code /api/chat} request. */
    ObjectNode requestBody(CreateRequest request, boolean stream) {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        if (config.options() != null) {
            args.put("options", JSON.valueToTree(config.options()));
        }
        if (config.think() != null) {
            args.put("think", config.think());
        }
        if (config.keepAlive() != null) {
            args.put("keep_alive", config.keepAlive());
        }
        JsonNode format = config.responseFormat();
        for (var entry : request.extraCreateArgs().entrySet()) {
            String name = entry.getKey();
            if (DISALLOWED_CREATE_ARGS.contains(name)) {
                throw new IllegalArgumentException("extra_create_args must not set '" + name
                        + "': the client sets it (use createStream for streaming)");
            }
            if (name.equals("response_format") || name.equals("format")) {
                format = entry.getValue() instanceof Class<?> type ? JsonSchemas.forType(type)
                        : JSON.valueToTree(entry.getValue());
            } else {
                args.put(name, JSON.valueToTree(entry.getValue()));
            }
        }
        switch (request.jsonOutput()) {
            case null -> { }
            case JsonOutput.Mode mode when mode.enabled() -> {
                if (!modelInfo.jsonOutput()) {
                    throw new IllegalArgumentException("Model does not support JSON output: model_info.json_output is"
                            + " false for '" + config.model() + "'");
                }
                format = JSON.getNodeFactory().textNode("json");
            }
            case JsonOutput.Mode mode -> format = null;
            case JsonOutput.Structured structured -> {
                if (!modelInfo.structuredOutput()) {
                    throw new IllegalArgumentException("Model does not support structured output:"
                            + " model_info.structured_output is false for '" + config.model() + "'");
                }
                format = structured.schema();
            }
        }
        checkVision(request.messages());
        List<ToolSchema> tools = switch (request.toolChoice()) {
            case ToolChoice.Named named -> request.tools().stream().filter(t -> t.name().equals(named.name())).toList();
            case ToolChoice.Mode mode when mode.value().equals("none") -> List.of();
            case ToolChoice.Mode mode -> {
                if (mode.value().equals("required") && !request.tools().isEmpty()) {
                    LOG.debug("Ollama cannot force a tool call; tool_choice 'required' sends the tools as 'auto'");
                }
                yield request.tools();
            }
        };
        if (!tools.isEmpty() && !modelInfo.functionCalling()) {
            throw new IllegalArgumentException("Model does not support function calling: model_info.function_calling"
                    + " is false for '" + config.model() + "'");
        }

        ObjectNode body = JSON.createObjectNode();
        body.put("model", config.model());
        body.set("messages", OllamaMessages.convert(request.messages()));
        if (!tools.isEmpty()) {
            body.set("tools", OllamaMessages.tools(tools));
        }
        body.put("stream", stream);
        if (format != null && !format.isNull()) {
            body.set("format", format);
        }
        args.forEach(body::set);
        return body;
    }

    private void checkVision(List<LLMMessage> messages) {
        if (modelInfo.vision()) {
            return;
        }
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage u && u.content() instanceof UserContent.Multi multi
                    && multi.parts().stream().anyMatch(p -> p instanceof Image)) {
                throw new IllegalArgumentException("Model does not support vision and image was provided:"
                        + " model_info.vision is false for '" + config.model() + "'");
            }
        }
    }

    /** Ollama's {@code /api/chat}: JSON in, JSON or JSON lines out. */
    private final class Protocol implements ChatProtocol {
        @Override
        public String providerName() {
            return "ollama";
        }

        @Override
        public ObjectNode prepare(CreateRequest request, boolean stream) {
            return requestBody(request, stream);
        }

        @Override
        public HttpRequest httpRequest(ObjectNode body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(chatEndpoint)
                    .header("content-type", "application/json")
                    .header("accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            if (timeout != null) {
                builder.timeout(timeout);
            }
            if (config.headers() != null) {
                config.headers().forEach(builder::setHeader);
            }
            return builder.build();
        }

        @Override
        public CreateResult parse(ObjectNode body, HttpResponse<byte[]> response, ModelCallTrace trace) {
            JsonNode json = OllamaResponses.parse(new String(response.body(), StandardCharsets.UTF_8), where());
            TRACE.debug("Ollama call: request={} response={}", body, json);
            warnOnModelMismatch(json);
            return OllamaResponses.fromResponse(json, OllamaChatCompletionClient.this::nextToolCallId, isR1());
        }

        @Override
        public StreamFraming framing() {
            return StreamFraming.JSON_LINES;
        }

        @Override
        public ChatProtocol.StreamDecoder streamDecoder(ObjectNode body, Consumer<CreateStreamItem> emit) {
            var accumulator = new OllamaResponses.Accumulator(OllamaChatCompletionClient.this::nextToolCallId,
                    isR1(), emit);
            return new ChatProtocol.StreamDecoder() {
                @Override
                public void accept(StreamFraming.Frame frame) {
                    accumulator.accept(OllamaResponses.parse(frame.data(), where()));
                }

                @Override
                public boolean done() {
                    return accumulator.done();
                }

                @Override
                public CreateResult finish() {
                    if (!accumulator.done()) {
                        throw new OllamaApiException("Ollama stream from " + where() + " ended before its final"
                                + " \"done\": true object (connection closed early?)", 200);
                    }
                    return accumulator.finish();
                }
            };
        }

        @Override
        public RuntimeException streamBroken(ObjectNode body, IOException cause) {
            return new OllamaApiException("Ollama response of model '" + config.model() + "' from " + where()
                    + " broke off: " + cause.getMessage(), 200, cause);
        }
    }

    /** Ollama's error answers ({@code {"error": "..."}}), refused connections and timeouts. */
    private final class Errors implements HttpErrorDecoder {
        @Override
        public RuntimeException status(HttpStatusError error) {
            String text = error.body();
            String message = text.strip();
            try {
                JsonNode node = JSON.readTree(text).path("error");
                if (node.isTextual()) {
                    message = node.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: keep the raw text
            }
            String hint = error.status() == 404 ? " (pull it with `ollama pull " + config.model() + "`)" : "";
            return new OllamaApiException("Ollama API error " + error.status() + " from " + where() + " for model '"
                    + config.model() + "': " + (message.isEmpty() ? "(empty body)" : message) + hint, error.status());
        }

        @Override
        public RuntimeException failure(URI uri, IOException e, int attempts) {
            if (e instanceof IdleTimeoutException idle) {
                return new OllamaApiException("Ollama model '" + config.model() + "' at " + where() + ": "
                        + idle.getMessage() + "; the server stalled. Check that it is healthy, or raise idle_timeout (now "
                        + HttpTransport.seconds(idle.idleTimeout()) + ") if the model pauses longer", 0, e);
            }
            if (e instanceof IncompleteStreamException) {
                return new OllamaApiException("Ollama model '" + config.model() + "' at " + where() + ": "
                        + e.getMessage() + "; the connection was cut. Check the server and its proxies", 0, e);
            }
            if (e instanceof HttpTimeoutException && timeout != null) {
                return new OllamaApiException("Ollama request to " + where() + " timed out after " + timeout.toMillis()
                        + " ms (timeout=" + timeout.toMillis() / 1000.0 + " s); a large model may need a longer"
                        + " timeout while it loads", 0, e);
            }
            if (e instanceof ConnectException) {
                return new OllamaApiException("could not connect to Ollama at " + chatEndpoint.resolve("/")
                        + ": is `ollama serve` running? Set " + HOST_ENV
                        + " to where it runs (host(...) on the builder, \"host\" in a component config)", 0, e);
            }
            return new OllamaApiException("Ollama request to " + where() + " failed: " + e, 0, e);
        }
    }

    private String where() {
        return "POST " + chatEndpoint;
    }

    /** R1-family models may write their reasoning inline as {@code <think>...</think>}. */
    private boolean isR1() {
        return ModelFamily.R1.equals(modelInfo.family());
    }

    private String nextToolCallId() {
        return String.valueOf(toolCallIds.getAndIncrement());
    }

    private void warnOnModelMismatch(JsonNode response) {
        String served = response.path("model").asText(null);
        if (served != null && !served.equals(config.model()) && !served.equals(config.model() + ":latest")) {
            LOG.debug("Ollama answered with model '{}' for requested model '{}'", served, config.model());
        }
    }

    /**
     * An estimate with the cl100k_base encoding (the models' own tokenizers differ): 3 tokens per
     * message plus its text, images counted as 85, plus tool names, descriptions and parameter schemas.
     */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int tokens = 3;
        for (LLMMessage message : messages) {
            tokens += 3;
            switch (message) {
                case SystemMessage s -> tokens += ENCODING.countTokens(s.content());
                case UserMessage u -> {
                    switch (u.content()) {
                        case UserContent.Text t -> tokens += ENCODING.countTokens(t.text());
                        case UserContent.Multi m -> {
                            for (Object part : m.parts()) {
                                tokens += part instanceof String s ? ENCODING.countTokens(s) : 85;
                            }
                        }
                    }
                }
                case AssistantMessage a -> {
                    switch (a.content()) {
                        case ModelContent.Text t -> tokens += ENCODING.countTokens(t.text());
                        case ModelContent.FunctionCalls calls -> {
                            for (FunctionCall call : calls.calls()) {
                                tokens += ENCODING.countTokens(call.name()) + ENCODING.countTokens(call.arguments());
                            }
                        }
                    }
                }
                case FunctionExecutionResultMessage f -> {
                    for (FunctionExecutionResult r : f.content()) {
                        tokens += ENCODING.countTokens(r.content());
                    }
                }
            }
        }
        for (ToolSchema tool : tools) {
            tokens += ENCODING.countTokens(tool.name()) + 7;
            if (tool.description() != null) {
                tokens += ENCODING.countTokens(tool.description());
            }
            if (tool.parameters() != null) {
                tokens += ENCODING.countTokens(JSON.valueToTree(tool.parameters()).toString());
            }
        }
        return tokens;
    }

    /**
     * The context window ({@code options.num_ctx} if set, else {@link OllamaModelInfo#tokenLimit},
     * else Ollama's default of 2048) minus {@link #countTokens}.
     */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int context = DEFAULT_CONTEXT;
        Object numCtx = config.options() == null ? null : config.options().get("num_ctx");
        if (numCtx instanceof Number n) {
            context = n.intValue();
        } else {
            context = OllamaModelInfo.tokenLimit(config.model()).orElse(DEFAULT_CONTEXT);
        }
        return context - countTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** The model name. */
    public String model() {
        return config.model();
    }

    /** The {@code /api/chat} URL requests go to. */
    public URI chatEndpoint() {
        return chatEndpoint;
    }

    @Override
    public OllamaClientConfiguration toConfig() {
        return config;
    }

    @Override
    public ComponentProvider<?, OllamaClientConfiguration> componentProvider() {
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
        return "OllamaChatCompletionClient[model=" + config.model() + ", endpoint=" + chatEndpoint + "]";
    }

    /**
     * Builds an {@link OllamaChatCompletionClient}; every setting but the model is optional.
     *
     * <pre>{@code
     * record Pet(String name, int age) {}
     * var client = OllamaChatCompletionClient.builder("qwen3:8b")
     *         .host("http://gpu-box:11434").option("temperature", 0.2).option("num_ctx", 8192)
     *         .responseFormat(Pet.class).think(true).timeout(Duration.ofMinutes(5))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final String model;
        private @Nullable String host;
        private @Nullable JsonNode responseFormat;
        private boolean followRedirects = true;
        private @Nullable Double timeout;
        private @Nullable Double idleTimeout;
        private @Nullable Map<String, String> headers;
        private @Nullable ModelInfo modelInfo;
        private final Map<String, Object> options = new LinkedHashMap<>();
        private @Nullable JsonNode think;
        private @Nullable JsonNode keepAlive;
        private Function<String, @Nullable String> env = System::getenv;

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The server, e.g. {@code http://localhost:11434} (default: {@code OLLAMA_HOST}, else that). */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Structured output to the JSON schema of {@code type} for every request. */
        public Builder responseFormat(Class<?> type) {
            this.responseFormat = JsonSchemas.forType(type);
            return this;
        }

        /** JSON mode for every request. */
        public Builder jsonMode() {
            this.responseFormat = JSON.getNodeFactory().textNode("json");
            return this;
        }

        /** Whether to follow HTTP redirects (default true). */
        public Builder followRedirects(boolean value) {
            this.followRedirects = value;
            return this;
        }

        /** How long to wait for a response (default: no limit, since loading a model can take minutes). */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + value);
            }
            this.timeout = value.toMillis() / 1000.0;
            return this;
        }

        /** How long a response may stay silent between two bytes before the call fails (default 60 s). */
        public Builder idleTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + value);
            }
            this.idleTimeout = value.toMillis() / 1000.0;
            return this;
        }

        /** Extra headers sent with every request (e.g. for a proxy in front of Ollama). */
        public Builder headers(Map<String, String> values) {
            this.headers = Map.copyOf(values);
            return this;
        }

        /** What the model can do; required for a model not in {@link OllamaModelInfo}. */
        public Builder modelInfo(ModelInfo info) {
            this.modelInfo = Objects.requireNonNull(info, "modelInfo");
            return this;
        }

        /** One of Ollama's model options, e.g. {@code option("temperature", 0.2)} or {@code option("num_ctx", 8192)}. */
        public Builder option(String name, Object value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Thinking on or off for reasoning models (qwen3, deepseek-r1, gpt-oss, ...). */
        public Builder think(boolean value) {
            this.think = JSON.getNodeFactory().booleanNode(value);
            return this;
        }

        /** A thinking level for models that take one, e.g. {@code "high"} for gpt-oss. */
        public Builder think(String level) {
            this.think = JSON.getNodeFactory().textNode(level);
            return this;
        }

        /** How long the model stays loaded after a request, e.g. {@code "10m"}. */
        public Builder keepAlive(String duration) {
            this.keepAlive = JSON.getNodeFactory().textNode(duration);
            return this;
        }

        /** Where environment variables are read from (tests). */
        Builder environment(Map<String, String> variables) {
            this.env = variables::get;
            return this;
        }

        /** The config this builder describes. */
        public OllamaClientConfiguration toConfig() {
            return new OllamaClientConfiguration(model, host, responseFormat, followRedirects, timeout, headers, null,
                    modelInfo, options.isEmpty() ? null : options, think, keepAlive,
                    idleTimeout);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException if the model is unknown and no model info was given
         */
        public OllamaChatCompletionClient build() {
            return new OllamaChatCompletionClient(toConfig(), env);
        }
    }

    /** Loads and dumps {@code autogen_ext.models.ollama.OllamaChatCompletionClient} components. */
    public static final class Provider extends AbstractComponentProvider<OllamaChatCompletionClient, OllamaClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, OllamaChatCompletionClient.class, OllamaClientConfiguration.class,
                    "Chat completion client for Ollama hosted models.");
            withAliases(OllamaChatCompletionClient.class.getName(),
                    "autogen_ext.models.ollama._ollama_client.OllamaChatCompletionClient");
        }

        @Override
        public OllamaChatCompletionClient fromConfig(OllamaClientConfiguration config, ComponentContext context) {
            try {
                return new OllamaChatCompletionClient(config, context.environment()::get);
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                throw context.invalid(message.contains("host") ? "host" : "model_info", message);
            }
        }
    }
}
