package dev.autogen.ext.models.semantic_kernel;

import com.azure.ai.openai.models.CompletionsUsage;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.aiservices.openai.chatcompletion.OpenAIChatMessageContent;
import com.microsoft.semantickernel.aiservices.openai.chatcompletion.OpenAIFunctionToolCall;
import com.microsoft.semantickernel.orchestration.FunctionResultMetadata;
import com.microsoft.semantickernel.orchestration.InvocationContext;
import com.microsoft.semantickernel.orchestration.InvocationReturnMode;
import com.microsoft.semantickernel.orchestration.PromptExecutionSettings;
import com.microsoft.semantickernel.orchestration.ToolCallBehavior;
import com.microsoft.semantickernel.orchestration.responseformat.ResponseFormat;
import com.microsoft.semantickernel.plugin.KernelPlugin;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.services.chatcompletion.AuthorRole;
import com.microsoft.semantickernel.services.chatcompletion.ChatCompletionService;
import com.microsoft.semantickernel.services.chatcompletion.ChatHistory;
import com.microsoft.semantickernel.services.chatcompletion.ChatMessageContent;
import com.microsoft.semantickernel.services.chatcompletion.StreamingChatContent;
import com.microsoft.semantickernel.services.chatcompletion.message.ChatMessageImageContent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.component.ComponentModel;
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
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelCallTrace;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.tools.semantic_kernel.KernelFunctionFromTool;
import dev.autogen.ext.tools.semantic_kernel.SKArguments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatCompletionClient} over a Semantic Kernel for Java {@link ChatCompletionService} (the
 * OpenAI or Azure OpenAI service, or any other connector), as Python's {@code SKChatCompletionAdapter}.
 * Messages are converted to a {@link ChatHistory} and back; the request's tools are offered to the
 * model as functions of a kernel plugin named {@code autogen_tools} with auto-invoke off, so the
 * model's tool calls come back as {@link FunctionCall}s and the agent runs them.
 *
 * <!-- java-context: import com.microsoft.semantickernel.services.chatcompletion.ChatCompletionService;
 *      import dev.autogen.core.models.*; ChatCompletionService skService; -->
 * <pre>{@code
 * ChatCompletionClient client = SKChatCompletionAdapter.builder(skService)
 *         .promptSettings(PromptExecutionSettings.builder().withTemperature(0.2).build())
 *         .modelInfo(ModelInfo.builder().functionCalling(true).family(ModelFamily.GPT_4O).build())
 *         .build();
 * CreateResult r = client.create(List.of(new UserMessage("What is the capital of France?", "user")));
 * }</pre>
 *
 * <p>Per request, {@code extra_create_args} may carry {@code "kernel"} (a {@link Kernel}) and
 * {@code "prompt_settings"} (a {@link PromptExecutionSettings}) that replace the adapter's own, as in
 * Python.
 *
 * <p>Limits of Semantic Kernel for Java 1.4 that show here: tool calls are read from the OpenAI
 * service's messages ({@link OpenAIChatMessageContent}); its streaming drops tool calls and usage, so a
 * streamed request that offers tools is answered with one non-streamed call; tool parameters reach the
 * model with their top-level types only (no nested schemas); a {@code tool_choice} of
 * {@code required} or a named tool is refused, as Semantic Kernel for Java would run that function itself.
 */
public final class SKChatCompletionAdapter implements ChatCompletionClient {
    /** The name of the kernel plugin holding the request's tools, as in Python. */
    public static final String TOOLS_PLUGIN = "autogen_tools";

    private static final Logger LOG = LoggerFactory.getLogger(SKChatCompletionAdapter.class);

    private final ChatCompletionService service;
    private final @Nullable Kernel kernel;
    private final @Nullable PromptExecutionSettings promptSettings;
    private final ModelInfo modelInfo;
    private final int contextWindow;
    private final Object usageLock = new Object();
    private RequestUsage actualUsage = RequestUsage.ZERO;
    private RequestUsage totalUsage = RequestUsage.ZERO;

    private SKChatCompletionAdapter(Builder b) {
        this.service = b.service;
        this.kernel = b.kernel;
        this.promptSettings = b.promptSettings;
        this.modelInfo = b.modelInfo;
        this.contextWindow = b.contextWindow;
    }

    /** A builder for an adapter over {@code service}. */
    public static Builder builder(ChatCompletionService service) {
        return new Builder(service);
    }

    /** The wrapped Semantic Kernel service. */
    public ChatCompletionService service() {
        return service;
    }

    /**
     * {@inheritDoc} The call runs through {@link ChatCompletionInterceptors#DEFAULTS}, as the other
     * model clients' calls do: the LLM event log (Python's adapter logs the same events) and the run's listener.
     */
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
            return call(request);
        }

        @Override
        public ChatCompletionStream createStream(CreateRequest request, ModelCallTrace trace) {
            return callStreaming(request);
        }
    };

    private CreateResult call(CreateRequest request) {
        CancellationToken token = request.cancellationTokenOrNew();
        token.throwIfCancelled();
        Prepared p = prepare(request);
        CompletableFuture<List<ChatMessageContent<?>>> future =
                service.getChatMessageContentsAsync(p.history, p.kernel, p.context).toFuture();
        token.linkFuture(future);
        List<ChatMessageContent<?>> answer;
        try {
            answer = future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the Semantic Kernel service");
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        }
        if (answer == null || answer.isEmpty()) {
            throw new SKChatCompletionException("the Semantic Kernel service returned no message", null, null);
        }
        ChatMessageContent<?> last = answer.getLast();
        RequestUsage usage = usageOf(last.getMetadata());
        record(usage);
        List<FunctionCall> calls = toolCalls(last, p.jsonTypes);
        if (!calls.isEmpty()) {
            return new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(calls), usage, false,
                    null, blankToNull(last.getContent()));
        }
        String text = last.getContent() == null ? "" : last.getContent();
        String thought = null;
        if (ModelFamily.R1.equals(modelInfo.family())) {
            String[] split = splitThink(text);
            thought = split[0];
            text = split[1];
        }
        return new CreateResult(FinishReason.STOP, new ModelContent.Text(text), usage, false, null, thought);
    }

    private ChatCompletionStream callStreaming(CreateRequest request) {
        CancellationToken token = request.cancellationTokenOrNew();
        if (!request.tools().isEmpty() && !ToolChoice.NONE.equals(request.toolChoice())) {
            // Semantic Kernel for Java's streaming drops tool-call deltas: ask once, without streaming.
            LOG.debug("streamed request offers tools; answering with one non-streamed Semantic Kernel call");
            return ChatCompletionStream.produce(token, emit -> {
                CreateResult result = call(request.toBuilder().cancellationToken(token).build());
                if (result.content() instanceof ModelContent.Text t && !t.text().isEmpty()) {
                    emit.accept(new ChatCompletionChunk(t.text()));
                }
                emit.accept(result);
            });
        }
        token.throwIfCancelled();
        Prepared p = prepare(request);
        return ChatCompletionStream.produce(token, emit -> {
            StringBuilder text = new StringBuilder();
            AtomicReference<RequestUsage> usage = new AtomicReference<>(RequestUsage.ZERO);
            try {
                for (StreamingChatContent<?> chunk : service.getStreamingChatMessageContentsAsync(p.history, p.kernel,
                        p.context).toIterable()) {
                    token.throwIfCancelled();
                    String delta = chunk.getContent();
                    if (delta != null && !delta.isEmpty()) {
                        text.append(delta);
                        emit.accept(new ChatCompletionChunk(delta));
                    }
                    if (chunk instanceof ChatMessageContent<?> c && c.getMetadata() != null) {
                        RequestUsage u = usageOf(c.getMetadata());
                        if (!u.equals(RequestUsage.ZERO)) {
                            usage.set(u);
                        }
                    }
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (token.isCancelled()) {
                    throw new CancellationException("the request was cancelled");
                }
                throw failure(e);
            }
            record(usage.get());
            String all = text.toString();
            String thought = null;
            if (ModelFamily.R1.equals(modelInfo.family())) {
                String[] split = splitThink(all);
                thought = split[0];
                all = split[1];
            }
            emit.accept(new CreateResult(FinishReason.STOP, new ModelContent.Text(all), usage.get(), false, null, thought));
        });
    }

    private record Prepared(ChatHistory history, Kernel kernel, InvocationContext context, Map<String, String> jsonTypes) {
    }

    private Prepared prepare(CreateRequest request) {
        if (!request.tools().isEmpty() && !modelInfo.functionCalling()) {
            throw new IllegalArgumentException("Model does not support function calling: model_info.function_calling"
                    + " is false; set it in the adapter's model_info to pass tools");
        }
        if (request.jsonOutput() instanceof JsonOutput.Mode m && m.enabled() && !modelInfo.jsonOutput()) {
            throw new IllegalArgumentException("Model does not support JSON output: model_info.json_output is false");
        }
        if (request.jsonOutput() instanceof JsonOutput.Structured) {
            throw new IllegalArgumentException("structured output (json_output with a type) is not supported by the"
                    + " Semantic Kernel adapter; use JSON mode or prompt_settings with a response format");
        }
        Object kernelArg = request.extraCreateArgs().get("kernel");
        Object settingsArg = request.extraCreateArgs().get("prompt_settings");
        if (kernelArg != null && !(kernelArg instanceof Kernel)) {
            throw new IllegalArgumentException("extra_create_args.kernel must be a Semantic Kernel Kernel");
        }
        if (settingsArg != null && !(settingsArg instanceof PromptExecutionSettings)) {
            throw new IllegalArgumentException("extra_create_args.prompt_settings must be Semantic Kernel PromptExecutionSettings");
        }
        Kernel base = kernelArg != null ? (Kernel) kernelArg : kernel;
        PromptExecutionSettings settings = settingsArg != null ? (PromptExecutionSettings) settingsArg : promptSettings;
        if (request.jsonOutput() instanceof JsonOutput.Mode m && m.enabled()) {
            settings = withJsonObjectFormat(settings);
        }

        Map<String, String> jsonTypes = new HashMap<>();
        Map<String, KernelFunction<?>> functions = new LinkedHashMap<>();
        for (ToolSchema tool : request.tools()) {
            functions.put(tool.name(), KernelFunctionFromTool.ofSchema(tool, TOOLS_PLUGIN));
            if (tool.parameters() != null) {
                tool.parameters().properties().forEach((arg, schema) ->
                        jsonTypes.put(tool.name() + "\u0000" + arg, schema.path("type").asText("string")));
            }
        }
        Kernel.Builder kb = base == null ? Kernel.builder() : base.toBuilder();
        if (!functions.isEmpty()) {
            kb.withPlugin(new KernelPlugin(TOOLS_PLUGIN, "AutoGen tools", functions));
        }
        Kernel requestKernel = kb.withAIService(ChatCompletionService.class, service).build();

        InvocationContext.Builder ctx = InvocationContext.builder().withReturnMode(InvocationReturnMode.NEW_MESSAGES_ONLY);
        if (settings != null) {
            ctx.withPromptExecutionSettings(settings);
        }
        // Semantic Kernel's streaming needs a tool-call behaviour; offering only the request's tools
        // keeps functions of the user's own kernel plugins away from the model, as the agent cannot run them.
        ctx.withToolCallBehavior(ToolCallBehavior.allowOnlyKernelFunctions(false, List.copyOf(functions.values())));
        ToolChoice choice = request.toolChoice();
        if (!functions.isEmpty() && (choice instanceof ToolChoice.Named || ToolChoice.REQUIRED.equals(choice))) {
            // Semantic Kernel for Java always runs a required function itself (its one auto-invoke
            // cannot be turned off), which would take the tool call away from the agent.
            throw new IllegalArgumentException("tool_choice " + (choice instanceof ToolChoice.Named n ? "'" + n.name() + "'"
                    : "'required'") + " is not supported by the Semantic Kernel adapter: Semantic Kernel for Java runs"
                    + " a required function itself; use 'auto' or 'none'");
        }
        if (ToolChoice.NONE.equals(choice)) {
            ctx.withToolCallBehavior(ToolCallBehavior.allowOnlyKernelFunctions(false, List.of()));
        }
        return new Prepared(toChatHistory(request.messages()), requestKernel, ctx.build(), jsonTypes);
    }

    /** The Semantic Kernel chat history of {@code messages}. */
    static ChatHistory toChatHistory(List<LLMMessage> messages) {
        ChatHistory history = new ChatHistory();
        for (LLMMessage message : messages) {
            switch (message) {
                case SystemMessage s -> history.addSystemMessage(s.content());
                case UserMessage u -> {
                    switch (u.content()) {
                        case UserContent.Text t -> history.addUserMessage(t.text());
                        case UserContent.Multi multi -> {
                            StringBuilder text = new StringBuilder();
                            List<Image> images = new ArrayList<>();
                            for (Object part : multi.parts()) {
                                if (part instanceof Image image) {
                                    images.add(image);
                                } else {
                                    if (!text.isEmpty()) {
                                        text.append('\n');
                                    }
                                    text.append(part);
                                }
                            }
                            if (!text.isEmpty()) {
                                history.addUserMessage(text.toString());
                            }
                            for (Image image : images) {
                                history.addMessage(ChatMessageImageContent.builder().withImageUrl(image.toDataUri()).build());
                            }
                        }
                    }
                }
                case AssistantMessage a -> {
                    switch (a.content()) {
                        case ModelContent.Text t -> history.addAssistantMessage(t.text());
                        case ModelContent.FunctionCalls calls -> {
                            if (a.thought() != null && !a.thought().isBlank()) {
                                history.addAssistantMessage(a.thought());
                            }
                            List<OpenAIFunctionToolCall> toolCalls = new ArrayList<>();
                            for (FunctionCall call : calls.calls()) {
                                toolCalls.add(new OpenAIFunctionToolCall(call.id(), TOOLS_PLUGIN, call.name(),
                                        arguments(call)));
                            }
                            history.addMessage(new OpenAIChatMessageContent<>(AuthorRole.ASSISTANT, null, null, null, null,
                                    null, toolCalls));
                        }
                    }
                }
                case FunctionExecutionResultMessage results -> {
                    for (FunctionExecutionResult r : results.content()) {
                        history.addMessage(new ChatMessageContent<>(AuthorRole.TOOL, r.content(), null, null, null,
                                FunctionResultMetadata.build(r.callId())));
                    }
                }
            }
        }
        return history;
    }

    private static KernelFunctionArguments arguments(FunctionCall call) {
        try {
            JsonNode json = AutogenJson.mapper().readTree(call.arguments().isBlank() ? "{}" : call.arguments());
            return SKArguments.toKernelArguments(json.isObject() ? json : AutogenJson.mapper().createObjectNode());
        } catch (Exception e) {
            return KernelFunctionArguments.builder().build();
        }
    }

    private static List<FunctionCall> toolCalls(ChatMessageContent<?> message, Map<String, String> jsonTypes) {
        if (!(message instanceof OpenAIChatMessageContent<?> openAi) || openAi.getToolCall() == null) {
            return List.of();
        }
        List<FunctionCall> calls = new ArrayList<>();
        for (OpenAIFunctionToolCall call : openAi.getToolCall()) {
            String name = call.getFunctionName();
            Map<String, String> types = new HashMap<>();
            jsonTypes.forEach((key, type) -> {
                if (key.startsWith(name + "\u0000")) {
                    types.put(key.substring(name.length() + 1), type);
                }
            });
            String args = SKArguments.toJson(call.getArguments() == null ? Map.of() : call.getArguments(), types).toString();
            calls.add(new FunctionCall(call.getId(), args, name));
        }
        return calls;
    }

    private static RequestUsage usageOf(@Nullable FunctionResultMetadata<?> metadata) {
        if (metadata == null) {
            return RequestUsage.ZERO;
        }
        Object usage = metadata.getUsage();
        if (usage instanceof CompletionsUsage u) {
            return new RequestUsage(u.getPromptTokens(), u.getCompletionTokens());
        }
        return RequestUsage.ZERO;
    }

    private void record(RequestUsage usage) {
        synchronized (usageLock) {
            actualUsage = usage;
            totalUsage = totalUsage.plus(usage);
        }
    }

    private static @Nullable PromptExecutionSettings withJsonObjectFormat(@Nullable PromptExecutionSettings s) {
        ResponseFormat json = PromptExecutionSettings.builder().withResponseFormat(ResponseFormat.Type.JSON_OBJECT)
                .build().getResponseFormat();
        if (s == null) {
            return PromptExecutionSettings.builder().withResponseFormat(ResponseFormat.Type.JSON_OBJECT).build();
        }
        return new PromptExecutionSettings(s.getServiceId(), s.getModelId(), s.getTemperature(), s.getTopP(),
                s.getPresencePenalty(), s.getFrequencyPenalty(), s.getMaxTokens(), s.getResultsPerPrompt(),
                s.getBestOf(), s.getUser(), s.getStopSequences(), s.getTokenSelectionBiases(), json);
    }

    private static RuntimeException failure(Throwable e) {
        if (e instanceof CancellationException c) {
            return c;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException http && http.getResponse() != null) {
                int status = http.getResponse().getStatusCode();
                return new SKChatCompletionException("the model service answered HTTP " + status + ": "
                        + firstLine(http.getMessage()), status, e);
            }
            if (t instanceof java.net.ConnectException) {
                return new SKChatCompletionException("could not reach the model service: " + t.getMessage(), null, e);
            }
        }
        if (e instanceof IllegalArgumentException iae) {
            return iae;
        }
        return new SKChatCompletionException("the Semantic Kernel call failed: " + firstLine(e.getMessage()), null, e);
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "(no message)";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String[] splitThink(String text) {
        int open = text.indexOf("<think>");
        int close = text.indexOf("</think>");
        if (open < 0 || close < open) {
            return new String[] {null, text};
        }
        String thought = text.substring(open + "<think>".length(), close).strip();
        return new String[] {thought, text.substring(close + "</think>".length()).strip()};
    }

    @Override
    public RequestUsage actualUsage() {
        synchronized (usageLock) {
            return actualUsage;
        }
    }

    @Override
    public RequestUsage totalUsage() {
        synchronized (usageLock) {
            return totalUsage;
        }
    }

    /** A rough count: about four characters a token, plus tool names, descriptions and schemas. */
    @Override
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int chars = 0;
        for (LLMMessage m : messages) {
            chars += AutogenJson.mapper().valueToTree(m).toString().length();
        }
        for (ToolSchema t : tools) {
            chars += AutogenJson.mapper().valueToTree(t).toString().length();
        }
        return chars / 4 + 3 * messages.size();
    }

    /**
     * The {@linkplain Builder#contextWindow context window} less {@link #countTokens}: Semantic Kernel does
     * not say a model's window, so, as Python's adapter, 4096 unless set.
     */
    @Override
    public int remainingTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        return contextWindow - countTokens(messages, tools);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /** Python's adapter has no component config either: a Semantic Kernel service is a live object. */
    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("the Semantic Kernel adapter cannot be written as a component config,"
                + " as in Python: it wraps a live Semantic Kernel service");
    }

    @Override
    public void close() {
        // The Semantic Kernel service owns its HTTP client; the caller that built it closes it.
    }

    /** Options of an {@link SKChatCompletionAdapter}. */
    public static final class Builder {
        private final ChatCompletionService service;
        private @Nullable Kernel kernel;
        private @Nullable PromptExecutionSettings promptSettings;
        private ModelInfo modelInfo = new ModelInfo(false, false, false, ModelFamily.UNKNOWN, false, null);
        private int contextWindow = 4096;

        private Builder(ChatCompletionService service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** The kernel whose plugins and hooks requests use (a fresh one when unset). */
        public Builder kernel(@Nullable Kernel value) {
            this.kernel = value;
            return this;
        }

        /** Default prompt settings (temperature, max tokens, ...); a request's {@code prompt_settings} replaces them. */
        public Builder promptSettings(@Nullable PromptExecutionSettings value) {
            this.promptSettings = value;
            return this;
        }

        /** What the model can do; by default nothing beyond text (as Python's default). */
        public Builder modelInfo(ModelInfo value) {
            this.modelInfo = Objects.requireNonNull(value, "modelInfo");
            return this;
        }

        /** The model's context window in tokens, for {@code remainingTokens} (4096 by default, as in Python). */
        public Builder contextWindow(int tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("contextWindow must be positive, got " + tokens);
            }
            this.contextWindow = tokens;
            return this;
        }

        public SKChatCompletionAdapter build() {
            return new SKChatCompletionAdapter(this);
        }
    }
}
