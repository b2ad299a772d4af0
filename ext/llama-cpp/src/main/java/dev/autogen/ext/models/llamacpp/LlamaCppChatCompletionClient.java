package dev.autogen.ext.models.llamacpp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionInterceptors;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UsageTracker;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat-completion client that runs a GGUF model in this process with llama.cpp, through the
 * java-llama.cpp binding (its jar carries the native library); the counterpart of Python's
 * {@code autogen_ext.models.llama_cpp.LlamaCppChatCompletionClient}.
 *
 * <!-- java-context: import dev.autogen.core.models.*; import java.nio.file.Path; -->
 * <pre>{@code
 * try (var client = LlamaCppChatCompletionClient.builder(Path.of("/models/qwen2.5-0.5b-instruct-q4_k_m.gguf"))
 *         .nCtx(4096).seed(1337).build()) {
 *     CreateResult r = client.create(List.of(new UserMessage("What is the capital of France?", "user")));
 *     System.out.println(r.content());
 * }
 * }</pre>
 *
 * <p>Messages are formatted with the model's own chat template (from the GGUF file, or
 * {@code chat_template}) by llama.cpp's Jinja engine. Tools are described in the system message and the
 * output is held by a grammar to one JSON call {@code {"name": ..., "arguments": {...}}} of a tool's
 * schema, parsed into a {@link FunctionCall}: with tool choice {@code auto} the model may instead answer
 * in text (that starts with neither a brace nor white space), with {@code required} or a named tool
 * it must call. JSON mode and structured output are grammars too. Usage counts the formatted prompt
 * with the model's tokenizer and the tokens llama.cpp generated. Calls run one at a time (others
 * wait); cancelling the request's token or closing a stream stops generation at the next token.
 *
 * <p>The model is loaded at the first call that needs it (building the client only checks the
 * config, so a gallery or Studio can hold the component where the file is absent; {@link
 * #configurationProblem()} checks the file), and never downloaded. Closing the client stops
 * llama.cpp's worker, but the binding neither frees the model's memory nor detaches that worker from the
 * JVM, so a program using this client ends with {@link System#exit}.
 */
public final class LlamaCppChatCompletionClient implements ChatCompletionClient, Component<LlamaCppClientConfiguration> {
    /** The provider name of Python's client. */
    public static final String PROVIDER = "autogen_ext.models.llama_cpp.LlamaCppChatCompletionClient";
    /** Python's {@code DEFAULT_MODEL_INFO}: JSON, structured output and function calling; no vision. */
    public static final ModelInfo DEFAULT_MODEL_INFO = new ModelInfo(false, true, true, ModelFamily.UNKNOWN, true, null);
    /** The context window when {@code n_ctx} is not set (llama.cpp's default). */
    public static final int DEFAULT_CONTEXT = 4096;
    /** The {@code extra_create_args} a request may carry. */
    public static final Set<String> CREATE_ARGS = Set.of("max_tokens", "temperature", "top_p", "top_k", "min_p",
            "typical_p", "repeat_penalty", "presence_penalty", "frequency_penalty", "seed", "stop", "logit_bias",
            "grammar");

    private static final Logger LOG = LoggerFactory.getLogger(LlamaCppChatCompletionClient.class);
    private static final Logger NATIVE_LOG = LoggerFactory.getLogger("dev.autogen.ext.models.llamacpp.llama.cpp");
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final byte[] GGUF_MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

    private final LlamaCppClientConfiguration config;
    private final ModelInfo modelInfo;
    private final Path modelPath;
    private final int contextSize;
    private final ModelParameters parameters;
    private final ReentrantLock loading = new ReentrantLock();
    private final ReentrantLock generation = new ReentrantLock();
    private volatile @Nullable LlamaModel model;
    private final UsageTracker usage = new UsageTracker();
    private final AtomicLong callIds = new AtomicLong();
    private volatile boolean closed;

    /**
     * A client of the model of {@code config}, which is loaded at the first call (see
     * {@link #configurationProblem()} to check the file before).
     */
    public LlamaCppChatCompletionClient(LlamaCppClientConfiguration config) {
        this.config = Objects.requireNonNull(config, "config");
        this.modelInfo = config.modelInfo() != null ? config.modelInfo() : DEFAULT_MODEL_INFO;
        this.modelPath = Path.of(Objects.requireNonNull(config.modelPath(), "model_path")).toAbsolutePath();
        this.contextSize = config.nCtx() != null ? config.nCtx() : DEFAULT_CONTEXT;
        this.parameters = new ModelParameters()
                .setModel(modelPath.toString())
                .setCtxSize(contextSize)
                .enableJinja()
                .disableLog();
        if (config.nGpuLayers() != null) {
            parameters.setGpuLayers(config.nGpuLayers());
        }
        if (config.nBatch() != null) {
            parameters.setBatchSize(config.nBatch());
        }
        if (config.nThreads() != null) {
            parameters.setThreads(config.nThreads()).setThreadsBatch(config.nThreads());
        }
        if (config.seed() != null) {
            parameters.setSeed(config.seed());
        }
        if (config.chatTemplate() != null) {
            parameters.setChatTemplate(config.chatTemplate());
        }
    }

    /**
     * The model, loaded on first use.
     *
     * @throws IllegalStateException if the client is closed, or the model file is missing or not GGUF
     * @throws LlamaCppException if llama.cpp cannot load it
     */
    private LlamaModel model() {
        ensureOpen();
        LlamaModel loaded = model;
        if (loaded != null) {
            return loaded;
        }
        loading.lock();
        try {
            ensureOpen();
            if (model == null) {
                configurationProblem().ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
                NativeLog.install();
                try {
                    model = new LlamaModel(parameters);
                } catch (RuntimeException e) {
                    throw new LlamaCppException("llama.cpp could not load model_path '" + modelPath + "': "
                            + e.getMessage() + " (is it a model of an architecture this llama.cpp build knows?)", e);
                }
                LOG.debug("loaded {} with n_ctx={}", modelPath, contextSize);
            }
            return Objects.requireNonNull(model);
        } finally {
            loading.unlock();
        }
    }

    /** A builder for a client of the GGUF model at {@code modelPath}. */
    public static Builder builder(Path modelPath) {
        return new Builder(modelPath);
    }

    /** What is wrong with the model file (missing, unreadable, not GGUF), if anything; reads only its first bytes. */
    @Override
    public Optional<String> configurationProblem() {
        if (!Files.exists(modelPath)) {
            return Optional.of("model_path '" + modelPath + "' does not exist: set it to a GGUF model file"
                    + " (this client never downloads models)");
        }
        if (!Files.isRegularFile(modelPath) || !Files.isReadable(modelPath)) {
            return Optional.of("model_path '" + modelPath + "' is not a readable file");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(modelPath)) {
            if (in.readNBytes(head, 0, 4) < 4 || !Arrays.equals(head, GGUF_MAGIC)) {
                return Optional.of("model_path '" + modelPath + "' is not a GGUF model file (it does not start with"
                        + " \"GGUF\"); convert the model with llama.cpp's convert_hf_to_gguf.py");
            }
        } catch (IOException e) {
            return Optional.of("model_path '" + modelPath + "' cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** {@inheritDoc} Through {@link ChatCompletionInterceptors#DEFAULTS}, as the other model clients' calls. */
    @Override
    public CreateResult create(CreateRequest request) {
        return ChatCompletionInterceptors.create(ChatCompletionInterceptors.DEFAULTS, request, terminal);
    }

    /** {@inheritDoc} Through {@link ChatCompletionInterceptors#DEFAULTS}, as {@link #create}. */
    @Override
    public ChatCompletionStream createStream(CreateRequest request) {
        return ChatCompletionInterceptors.createStream(ChatCompletionInterceptors.DEFAULTS, request, terminal);
    }

    private final ChatCompletionInterceptors.Terminal terminal = new ChatCompletionInterceptors.Terminal() {
        @Override
        public CreateResult create(CreateRequest request, ModelCallTrace trace) {
            CancellationToken token = request.cancellationTokenOrNew();
            token.throwIfCancelled();
            Prepared prepared = prepare(request, trace);
            return run(prepared, token, chunk -> { }, trace);
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
            CancellationToken token = request.cancellationTokenOrNew();
            token.throwIfCancelled();
            Prepared prepared = prepare(request, trace);
            return ChatCompletionStream.produce(token, emit -> {
                CreateResult result = run(prepared, token, chunk -> emit.accept(new ChatCompletionChunk(chunk)), trace);
                emit.accept(result);
            });
        }
    };

    /** What one call sends to llama.cpp. */
    private record Prepared(ArrayNode messages, List<ToolSchema> tools, boolean toolCallRequired,
            @Nullable String grammar, Map<String, Object> args) {
        boolean toolsOffered() {
            return !tools.isEmpty();
        }
    }

    private Prepared prepare(CreateRequest request, ModelCallTrace trace) {
        ensureOpen();
        for (String name : request.extraCreateArgs().keySet()) {
            if (!CREATE_ARGS.contains(name)) {
                throw new IllegalArgumentException("extra_create_args." + name + " is not supported by"
                        + " LlamaCppChatCompletionClient; supported: " + CREATE_ARGS.stream().sorted().toList());
            }
        }
        List<ToolSchema> tools = switch (request.toolChoice()) {
            case ToolChoice.Named named -> request.tools().stream().filter(t -> t.name().equals(named.name())).toList();
            case ToolChoice.Mode mode when mode.value().equals("none") -> List.of();
            case ToolChoice.Mode mode -> request.tools();
        };
        if (!tools.isEmpty() && !modelInfo.functionCalling()) {
            throw new IllegalArgumentException("Model does not support function calling: model_info.function_calling"
                    + " is false for '" + modelPath.getFileName() + "'");
        }
        for (ToolSchema tool : tools) {
            if (!tool.name().matches("[a-zA-Z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("Invalid tool name: '" + tool.name() + "'. Only letters, numbers,"
                        + " '_' and '-' are allowed, at most 64");
            }
        }
        boolean required = !tools.isEmpty() && !ToolChoice.AUTO.equals(request.toolChoice());
        String grammar = request.extraCreateArgs().get("grammar") instanceof String g ? g : null;
        if (request.extraCreateArgs().containsKey("grammar") && grammar == null) {
            throw new IllegalArgumentException("extra_create_args.grammar must be a GBNF grammar string");
        }
        switch (request.jsonOutput()) {
            case null -> { }
            case JsonOutput.Mode mode when !mode.enabled() -> { }
            case JsonOutput.Mode mode -> {
                if (!modelInfo.jsonOutput()) {
                    throw new IllegalArgumentException("Model does not support JSON output: model_info.json_output is"
                            + " false");
                }
                grammar = LlamaModel.jsonSchemaToGrammar("{\"type\": \"object\"}");
            }
            case JsonOutput.Structured structured -> {
                if (!modelInfo.structuredOutput()) {
                    throw new IllegalArgumentException("Model does not support structured output:"
                            + " model_info.structured_output is false");
                }
                grammar = LlamaModel.jsonSchemaToGrammar(structured.schema().toString());
            }
        }
        if (!tools.isEmpty()) {
            if (grammar != null) {
                throw new IllegalArgumentException("tools cannot be combined with json_output or a grammar: the"
                        + " tool-call grammar already constrains the output");
            }
            grammar = LlamaCppToolCalls.grammar(tools, !required, LlamaModel::jsonSchemaToGrammar);
        }
        ArrayNode messages = convert(request.messages(), tools, required);
        trace.recordModel("llama.cpp", modelPath.getFileName().toString());
        trace.recordRequestMessages(messages);
        return new Prepared(messages, tools, required, grammar, request.extraCreateArgs());
    }

    /** The messages in the OpenAI form llama.cpp's chat templates take, tool instructions in the system message. */
    ArrayNode convert(List<? extends LLMMessage> messages, List<ToolSchema> tools, boolean required) {
        ArrayNode out = JSON.createArrayNode();
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> add(out, "system", s.content());
                case UserMessage u -> add(out, "user", switch (u.content()) {
                    case UserContent.Text t -> t.text();
                    case UserContent.Multi multi -> {
                        StringBuilder text = new StringBuilder();
                        for (Object part : multi.parts()) {
                            if (part instanceof Image) {
                                throw new IllegalArgumentException("Multi-part messages such as those containing"
                                        + " images are currently not supported (message from '" + u.source() + "')");
                            }
                            text.append(text.isEmpty() ? "" : "\n").append(part);
                        }
                        yield text.toString();
                    }
                });
                case AssistantMessage a -> add(out, "assistant", switch (a.content()) {
                    case ModelContent.Text t -> t.text();
                    case ModelContent.FunctionCalls calls -> String.join("\n",
                            calls.calls().stream().map(LlamaCppToolCalls::render).toList());
                });
                case FunctionExecutionResultMessage f -> {
                    for (FunctionExecutionResult r : f.content()) {
                        add(out, "tool", r.content());
                    }
                }
            }
        }
        if (!tools.isEmpty()) {
            String instructions = LlamaCppToolCalls.instructions(tools, required);
            if (!out.isEmpty() && out.get(0).path("role").asText().equals("system")) {
                ObjectNode system = (ObjectNode) out.get(0);
                system.put("content", system.path("content").asText() + "\n\n" + instructions);
            } else {
                ObjectNode system = JSON.createObjectNode().put("role", "system").put("content", instructions);
                out.insert(0, system);
            }
        }
        return out;
    }

    private static void add(ArrayNode out, String role, String content) {
        out.addObject().put("role", role).put("content", content);
    }

    private String prompt(ArrayNode messages) {
        ObjectNode body = JSON.createObjectNode();
        body.set("messages", messages);
        LlamaModel llama = model();
        try {
            return llama.applyTemplate(body.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the model's chat template cannot format these messages: "
                    + e.getMessage() + " (set chat_template to a template that can)", e);
        }
    }

    /** Runs one generation, handing each piece of text that belongs to the answer to {@code onText}. */
    private CreateResult run(Prepared prepared, CancellationToken token, Consumer<String> onText, ModelCallTrace trace) {
        try {
            generation.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for another call to this llama.cpp model");
        }
        String text;
        int promptTokens;
        int completionTokens = 0;
        int maxTokens;
        try {
            ensureOpen();
            String prompt = prompt(prepared.messages());
            LlamaModel llama = model();
            promptTokens = llama.encode(prompt).length;
            if (promptTokens >= contextSize) {
                throw new IllegalArgumentException("the prompt takes " + promptTokens + " tokens, which do not fit the"
                        + " context window of " + contextSize + " (n_ctx): shorten the messages or raise n_ctx");
            }
            InferenceParameters parameters = parameters(prompt, prepared);
            maxTokens = intArg(prepared.args(), "max_tokens", config.maxTokens() == null ? -1 : config.maxTokens());
            TextGate gate = new TextGate(onText, prepared.toolsOffered(), prepared.toolCallRequired());
            StringBuilder out = new StringBuilder();
            LlamaIterator outputs;
            try {
                outputs = llama.generate(parameters).iterator();
            } catch (RuntimeException e) {
                throw new LlamaCppException("llama.cpp refused the request: " + e.getMessage(), e);
            }
            while (outputs.hasNext()) {
                if (token.isCancelled() || closed || Thread.currentThread().isInterrupted()) {
                    outputs.cancel();
                    throw new CancellationException(closed ? "the llama.cpp client was closed during the call"
                            : "the llama.cpp call was cancelled");
                }
                LlamaOutput output;
                try {
                    output = outputs.next();
                } catch (RuntimeException e) {
                    throw new LlamaCppException("llama.cpp failed while generating: " + e.getMessage(), e);
                }
                out.append(output.text);
                if (outputs.hasNext()) {
                    completionTokens++;
                }
                gate.accept(output.text);
            }
            text = out.toString();
        } finally {
            generation.unlock();
        }
        RequestUsage used = new RequestUsage(promptTokens, completionTokens);
        usage.record(used);
        boolean cut = (maxTokens > 0 && completionTokens >= maxTokens) || promptTokens + completionTokens >= contextSize;
        trace.recordResponse(text);
        if (prepared.toolsOffered()) {
            Optional<FunctionCall> call = LlamaCppToolCalls.parse(text, this::nextCallId);
            if (call.isPresent()) {
                return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(call.get())),
                        used, false, null, null);
            }
            if (text.strip().startsWith("{")) {
                LOG.warn("llama.cpp model '{}' began a tool call but did not finish it{}; returning its output as text",
                        modelPath.getFileName(), cut ? " before reaching max_tokens or the context size" : "");
            }
        }
        return new CreateResult(cut ? FinishReason.LENGTH : FinishReason.STOP, new ModelContent.Text(text), used, false,
                null, null);
    }

    private InferenceParameters parameters(String prompt, Prepared prepared) {
        Map<String, Object> args = prepared.args();
        InferenceParameters p = new InferenceParameters(prompt);
        int maxTokens = intArg(args, "max_tokens", config.maxTokens() == null ? -1 : config.maxTokens());
        p.setNPredict(maxTokens);
        Double temperature = doubleArg(args, "temperature", config.temperature());
        if (temperature != null) {
            p.setTemperature(temperature.floatValue());
        }
        Double topP = doubleArg(args, "top_p", config.topP());
        if (topP != null) {
            p.setTopP(topP.floatValue());
        }
        if (args.containsKey("top_k")) {
            p.setTopK(intArg(args, "top_k", 0));
        } else if (config.topK() != null) {
            p.setTopK(config.topK());
        }
        Double minP = doubleArg(args, "min_p", null);
        if (minP != null) {
            p.setMinP(minP.floatValue());
        }
        Double typicalP = doubleArg(args, "typical_p", null);
        if (typicalP != null) {
            p.setTypicalP(typicalP.floatValue());
        }
        Double repeat = doubleArg(args, "repeat_penalty", null);
        if (repeat != null) {
            p.setRepeatPenalty(repeat.floatValue());
        }
        Double presence = doubleArg(args, "presence_penalty", null);
        if (presence != null) {
            p.setPresencePenalty(presence.floatValue());
        }
        Double frequency = doubleArg(args, "frequency_penalty", null);
        if (frequency != null) {
            p.setFrequencyPenalty(frequency.floatValue());
        }
        if (args.containsKey("seed")) {
            p.setSeed(intArg(args, "seed", 0));
        } else if (config.seed() != null) {
            p.setSeed(config.seed().intValue());
        }
        switch (args.get("stop")) {
            case null -> { }
            case String s -> p.setStopStrings(s);
            case List<?> list when list.stream().allMatch(String.class::isInstance) ->
                    p.setStopStrings(list.toArray(String[]::new));
            default -> throw new IllegalArgumentException("extra_create_args.stop must be a string or a list of strings");
        }
        if (args.get("logit_bias") != null) {
            p.setTokenIdBias(logitBias(args.get("logit_bias")));
        }
        if (prepared.grammar() != null) {
            p.setGrammar(prepared.grammar());
        }
        return p;
    }

    private static Map<Integer, Float> logitBias(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("extra_create_args.logit_bias must map token ids to biases");
        }
        Map<Integer, Float> bias = new LinkedHashMap<>();
        for (var entry : map.entrySet()) {
            try {
                int id = Integer.parseInt(String.valueOf(entry.getKey()));
                if (!(entry.getValue() instanceof Number n)) {
                    throw new NumberFormatException();
                }
                bias.put(id, n.floatValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("extra_create_args.logit_bias: '" + entry.getKey() + "' -> '"
                        + entry.getValue() + "' is not a token id with a numeric bias", e);
            }
        }
        return bias;
    }

    private static int intArg(Map<String, Object> args, String name, int fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        throw new IllegalArgumentException("extra_create_args." + name + " must be an integer, got '" + value + "'");
    }

    private static @Nullable Double doubleArg(Map<String, Object> args, String name, @Nullable Double fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("extra_create_args." + name + " must be a number, got '" + value + "'");
    }

    /**
     * Passes answer text on as it comes, except a tool call: with tools offered, text is held until its
     * first non-blank character shows it is not a call; with a call required, nothing is passed.
     */
    private static final class TextGate {
        private final Consumer<String> onText;
        private final StringBuilder held = new StringBuilder();
        private boolean decided;
        private boolean pass;

        TextGate(Consumer<String> onText, boolean toolsOffered, boolean callRequired) {
            this.onText = onText;
            this.decided = !toolsOffered || callRequired;
            this.pass = !toolsOffered;
        }

        void accept(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (!decided) {
                held.append(text);
                String start = held.toString().stripLeading();
                if (start.isEmpty()) {
                    return;
                }
                decided = true;
                pass = !start.startsWith("{");
                text = held.toString();
            }
            if (pass) {
                onText.accept(text);
            }
        }
    }

    private String nextCallId() {
        return "call_" + callIds.incrementAndGet();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LlamaCppChatCompletionClient for '" + modelPath.getFileName()
                    + "' is closed");
        }
    }

    @Override
    public RequestUsage actualUsage() {
        return usage.actual();
    }

    @Override
    public RequestUsage totalUsage() {
        return usage.total();
    }

    /**
     * The prompt tokens of {@code messages} and {@code tools} exactly as a call would send them: formatted
     * with the chat template (tool instructions included) and counted by the model's tokenizer.
     */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return model().encode(prompt(convert(messages, tools, false))).length;
    }

    /** The context window ({@code n_ctx}) minus {@link #countTokens}, never below 0. */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return Math.max(contextSize - countTokens(messages, tools), 0);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** The model file. */
    public Path modelPath() {
        return modelPath;
    }

    /** The context window in tokens. */
    public int contextSize() {
        return contextSize;
    }

    @Override
    public LlamaCppClientConfiguration toConfig() {
        return config;
    }

    @Override
    public ComponentProvider<?, LlamaCppClientConfiguration> componentProvider() {
        return new Provider();
    }

    /** Stops a call in progress at its next token, waits for it, then stops llama.cpp. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        generation.lock();
        loading.lock();
        try {
            LlamaModel loaded = model;
            if (loaded != null) {
                loaded.close();
            }
        } finally {
            loading.unlock();
            generation.unlock();
        }
    }

    @Override
    public String toString() {
        return "LlamaCppChatCompletionClient[model_path=" + modelPath + ", n_ctx=" + contextSize + "]";
    }

    /**
     * Sends llama.cpp's own log to SLF4J (logger {@code dev.autogen.ext.models.llamacpp.llama.cpp}); the
     * log of the binding's server loop, which would go to standard error, is turned off.
     */
    private static final class NativeLog {
        private static boolean installed;

        static synchronized void install() {
            if (installed) {
                return;
            }
            installed = true;
            LlamaModel.setLogger(LogFormat.TEXT, (LogLevel level, String message) -> {
                String line = message.stripTrailing();
                if (line.isEmpty()) {
                    return;
                }
                switch (level) {
                    case ERROR -> NATIVE_LOG.error(line);
                    case WARN -> NATIVE_LOG.warn(line);
                    case INFO -> NATIVE_LOG.debug(line);
                    case DEBUG -> NATIVE_LOG.trace(line);
                }
            });
        }
    }

    /**
     * Builds a {@link LlamaCppChatCompletionClient}; every setting but the model file is optional.
     *
     * <!-- java-context: import java.nio.file.Path; -->
     * <pre>{@code
     * var client = LlamaCppChatCompletionClient.builder(Path.of("model.gguf"))
     *         .nCtx(8192).nThreads(4).seed(42).temperature(0.2).maxTokens(512)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Path modelPath;
        private @Nullable ModelInfo modelInfo;
        private @Nullable Integer nCtx;
        private @Nullable Integer nGpuLayers;
        private @Nullable Integer nBatch;
        private @Nullable Integer nThreads;
        private @Nullable Long seed;
        private @Nullable String chatTemplate;
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Integer topK;
        private @Nullable Integer maxTokens;

        private Builder(Path modelPath) {
            this.modelPath = Objects.requireNonNull(modelPath, "modelPath");
        }

        /** What the model can do (default {@link #DEFAULT_MODEL_INFO}). */
        public Builder modelInfo(ModelInfo value) {
            this.modelInfo = Objects.requireNonNull(value, "modelInfo");
            return this;
        }

        /** The context window in tokens (default 4096). */
        public Builder nCtx(int value) {
            this.nCtx = value;
            return this;
        }

        /** Layers to offload to a GPU, -1 for all. */
        public Builder nGpuLayers(int value) {
            this.nGpuLayers = value;
            return this;
        }

        /** The logical batch size for prompt processing. */
        public Builder nBatch(int value) {
            this.nBatch = value;
            return this;
        }

        /** Threads for generation and prompt processing. */
        public Builder nThreads(int value) {
            this.nThreads = value;
            return this;
        }

        /** The sampling seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** A Jinja chat template that replaces the model's. */
        public Builder chatTemplate(String value) {
            this.chatTemplate = Objects.requireNonNull(value, "chatTemplate");
            return this;
        }

        /** The default sampling temperature. */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /** The default nucleus sampling threshold. */
        public Builder topP(double value) {
            this.topP = value;
            return this;
        }

        /** The default top-k limit. */
        public Builder topK(int value) {
            this.topK = value;
            return this;
        }

        /** The default limit on generated tokens. */
        public Builder maxTokens(int value) {
            this.maxTokens = value;
            return this;
        }

        /** The config this builder describes. */
        public LlamaCppClientConfiguration toConfig() {
            return new LlamaCppClientConfiguration(modelPath.toString(), null, null, modelInfo, nCtx, nGpuLayers, nBatch,
                    nThreads, seed, chatTemplate, temperature, topP, topK, maxTokens);
        }

        /**
         * Builds the client; the model loads at its first call.
         *
         * @throws IllegalArgumentException if a setting is out of range
         */
        public LlamaCppChatCompletionClient build() {
            return new LlamaCppChatCompletionClient(toConfig());
        }
    }

    /** Loads and dumps {@code autogen_ext.models.llama_cpp.LlamaCppChatCompletionClient} components. */
    public static final class Provider extends AbstractComponentProvider<LlamaCppChatCompletionClient, LlamaCppClientConfiguration> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MODEL, LlamaCppChatCompletionClient.class, LlamaCppClientConfiguration.class,
                    "Chat completion client for GGUF models run in process by llama.cpp.");
            withAliases(LlamaCppChatCompletionClient.class.getName(),
                    "autogen_ext.models.llama_cpp._llama_cpp_completion_client.LlamaCppChatCompletionClient");
        }

        @Override
        public LlamaCppChatCompletionClient fromConfig(LlamaCppClientConfiguration config, ComponentContext context) {
            return new LlamaCppChatCompletionClient(config);
        }
    }
}
