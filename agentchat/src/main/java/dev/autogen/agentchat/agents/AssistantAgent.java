package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autogen.agentchat.base.Handoff;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.MemoryQueryEvent;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.StructuredMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.agentchat.messages.ToolCallSummaryMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.AssistantAgentState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.ToolChoice;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.StaticStreamWorkbench;
import dev.autogen.core.tools.Tool;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.core.tools.Workbench;
import dev.autogen.core.utils.AppendOnlyList;
import dev.autogen.core.utils.PythonText;
import dev.autogen.core.utils.RandomIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent that answers with a model and can use tools, hand off to other agents, consult memory and
 * produce structured output. One call of {@link #onMessages} is one step: a model call, then (if the
 * model asked for tools) one round of tool calls run in parallel, repeated up to
 * {@code maxToolIterations}, then either a reflection model call or a {@link ToolCallSummaryMessage}.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.agentchat.base.TaskResult; import dev.autogen.core.tools.annotation.ToolFunction;
 *      ChatCompletionClient modelClient;
 *      class WeatherTools {
 *          @ToolFunction("Get the weather for a city") public String getWeather(String city) { return "Sunny"; }
 *      } -->
 * <pre>{@code
 * var agent = AssistantAgent.builder("weather_agent", modelClient)
 *         .tools(FunctionTool.fromMethods(new WeatherTools()))
 *         .systemMessage("You are a helpful assistant.")
 *         .reflectOnToolUse(true)
 *         .build();
 * TaskResult result = agent.run("What is the weather in New York?");
 * }</pre>
 *
 * <p>The agent is stateful (it keeps its model context between calls; pass only new messages) and
 * not safe for concurrent use.
 */
public class AssistantAgent extends BaseChatAgent implements Component<AssistantAgentConfig> {
    /** The Python provider name of this component. */
    public static final String PROVIDER = "autogen_agentchat.agents.AssistantAgent";
    /** Python AutoGen's default description. */
    public static final String DEFAULT_DESCRIPTION = "An agent that provides assistance with ability to use tools.";
    /** Python AutoGen's default system message. */
    public static final String DEFAULT_SYSTEM_MESSAGE = "You are a helpful AI assistant. Solve tasks using your tools. "
            + "Reply with TERMINATE when the task has been completed.";

    private static final Logger LOG = LoggerFactory.getLogger(AssistantAgent.class);

    private final ChatCompletionClient modelClient;
    private final List<Workbench> workbenches;
    private final Map<String, Handoff> handoffs;
    private final List<ToolSchema> handoffSchemas;
    private final ChatCompletionContext modelContext;
    private final @Nullable String systemMessage;
    /** The system message as sent, one object for every call, so a model client can tell the history only grew. */
    private final @Nullable SystemMessage systemPrompt;
    private final ModelMessages.ImageScan imageScan = new ModelMessages.ImageScan();
    private final boolean modelClientStream;
    private final boolean reflectOnToolUse;
    private final int maxToolIterations;
    private final String toolCallSummaryFormat;
    private final @Nullable BiFunction<FunctionCall, FunctionExecutionResult, String> toolCallSummaryFormatter;
    private final @Nullable Class<?> outputContentType;
    private final @Nullable String outputContentTypeFormat;
    private final List<Memory> memory;
    private final Map<String, String> metadata;

    /** An agent with the defaults: no tools, the default system message. */
    public AssistantAgent(String name, ChatCompletionClient modelClient) {
        this(builder(name, modelClient));
    }

    /** Starts building an agent named {@code name} that answers with {@code modelClient}. */
    public static Builder builder(String name, ChatCompletionClient modelClient) {
        return new Builder(name, modelClient);
    }

    protected AssistantAgent(Builder b) {
        super(b.name, b.description);
        this.modelClient = b.modelClient;
        if (!b.tools.isEmpty() && !b.workbenches.isEmpty()) {
            throw new IllegalArgumentException("agent '" + b.name + "': tools cannot be used with a workbench; "
                    + "put the tools in the workbench or pass only tools");
        }
        boolean functionCalling = modelClient.modelInfo().functionCalling();
        if (!b.tools.isEmpty() && !functionCalling) {
            throw new IllegalArgumentException("agent '" + b.name + "': the model does not support function calling "
                    + "(model_info function_calling is false), so it cannot use tools");
        }
        Set<String> toolNames = new HashSet<>();
        for (Tool tool : b.tools) {
            if (!toolNames.add(tool.name())) {
                throw new IllegalArgumentException("agent '" + b.name + "': tool names must be unique, '"
                        + tool.name() + "' is given twice in " + b.tools.stream().map(Tool::name).toList());
            }
        }
        this.workbenches = !b.workbenches.isEmpty() ? List.copyOf(b.workbenches)
                : List.of(new StaticStreamWorkbench(b.tools));
        Map<String, Handoff> handoffsByName = new LinkedHashMap<>();
        if (!b.handoffs.isEmpty() && !functionCalling) {
            throw new IllegalArgumentException("agent '" + b.name + "': the model does not support function calling, "
                    + "which is needed for handoffs");
        }
        for (Handoff handoff : b.handoffs) {
            if (handoffsByName.put(handoff.name(), handoff) != null) {
                throw new IllegalArgumentException("agent '" + b.name + "': handoff names must be unique, '"
                        + handoff.name() + "' is given twice");
            }
            if (toolNames.contains(handoff.name())) {
                throw new IllegalArgumentException("agent '" + b.name + "': handoff names must be unique from tool "
                        + "names; '" + handoff.name() + "' is both");
            }
        }
        this.handoffs = Map.copyOf(handoffsByName);
        this.handoffSchemas = handoffsByName.values().stream().map(h -> h.handoffTool().schema()).toList();
        if (b.maxToolIterations < 1) {
            throw new IllegalArgumentException("agent '" + b.name + "': maximum number of tool iterations must be "
                    + "greater than or equal to 1, got " + b.maxToolIterations);
        }
        this.maxToolIterations = b.maxToolIterations;
        this.modelContext = b.modelContext != null ? b.modelContext : new UnboundedChatCompletionContext();
        this.systemMessage = b.systemMessage;
        this.systemPrompt = b.systemMessage == null ? null : new SystemMessage(b.systemMessage);
        this.modelClientStream = b.modelClientStream;
        this.outputContentType = b.outputContentType;
        this.outputContentTypeFormat = b.outputContentTypeFormat;
        this.reflectOnToolUse = b.reflectOnToolUse != null ? b.reflectOnToolUse : b.outputContentType != null;
        this.toolCallSummaryFormat = b.toolCallSummaryFormat;
        this.toolCallSummaryFormatter = b.toolCallSummaryFormatter;
        this.memory = List.copyOf(b.memory);
        this.metadata = Map.copyOf(b.metadata);
    }

    /** The model context holding the agent's conversation. */
    public ChatCompletionContext modelContext() {
        return modelContext;
    }

    /** The model client. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** The workbenches serving the agent's tools (its tools are wrapped in one). */
    public List<Workbench> workbenches() {
        return workbenches;
    }

    /** The handoffs, by tool name. */
    public Map<String, Handoff> handoffs() {
        return handoffs;
    }

    /** Metadata given at construction. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        List<Class<? extends BaseChatMessage>> types = new ArrayList<>();
        types.add(outputContentType != null ? StructuredMessage.class : TextMessage.class);
        if (!handoffs.isEmpty()) {
            types.add(HandoffMessage.class);
        }
        if (!reflectOnToolUse) {
            types.add(ToolCallSummaryMessage.class);
        }
        return List.copyOf(types);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        List<BaseMessage> inner = new ArrayList<>();
        Consumer<BaseMessage> emitInner = message -> {
            if (!(message instanceof ModelClientStreamingChunkEvent)) {
                inner.add(message); // chunks streamed by tools (e.g. an AgentTool) are transient too
            }
            events.accept(message);
        };
        addToContext(messages);
        for (Memory mem : memory) {
            UpdateContextResult updated = mem.updateContext(modelContext);
            if (!updated.memories().results().isEmpty()) {
                emitInner.accept(new MemoryQueryEvent(updated.memories().results(), name()));
            }
        }
        ToolCallRunner toolCallRunner = ToolCallRunner.forStep(workbenches, handoffs);
        List<ToolSchema> tools = new ArrayList<>(toolCallRunner.toolSchemas());
        tools.addAll(handoffSchemas);

        ModelCall call = callModel(tools, ToolChoice.AUTO, cancellationToken, events);
        recordAssistantTurn(call.result, emitInner);

        List<FunctionCall> lastCalls = List.of();
        List<FunctionExecutionResult> lastResults = List.of();
        for (int iteration = 0; iteration < maxToolIterations; iteration++) {
            if (call.result.content() instanceof ModelContent.Text text) {
                return new Response(finalMessage(text.text(), call), inner);
            }
            List<FunctionCall> calls = ((ModelContent.FunctionCalls) call.result.content()).calls();
            emitInner.accept(new ToolCallRequestEvent(calls, name()).withModelsUsage(call.result.usage()));
            cancellationToken.throwIfCancelled();
            List<FunctionExecutionResult> results = toolCallRunner.runAll(calls, cancellationToken, emitInner);
            modelContext.addMessage(new FunctionExecutionResultMessage(results));
            emitInner.accept(new ToolCallExecutionEvent(results, name()));
            Response handoff = handoffResponse(calls, results, call.result, inner);
            if (handoff != null) {
                return handoff;
            }
            lastCalls = calls;
            lastResults = results;
            if (iteration == maxToolIterations - 1) {
                break;
            }
            call = callModel(tools, ToolChoice.AUTO, cancellationToken, events);
            recordAssistantTurn(call.result, emitInner);
        }
        if (reflectOnToolUse) {
            ModelCall reflection = callModel(List.of(), ToolChoice.NONE, cancellationToken, events);
            recordAssistantTurn(reflection.result, emitInner);
            if (!(reflection.result.content() instanceof ModelContent.Text text)) {
                throw new IllegalStateException("agent '" + name() + "': the reflection model call returned tool "
                        + "calls instead of text");
            }
            return new Response(finalMessage(text.text(), reflection), inner);
        }
        return new Response(summarize(lastCalls, lastResults), inner);
    }

    private void addToContext(List<? extends BaseChatMessage> messages) {
        for (BaseChatMessage message : messages) {
            if (message instanceof HandoffMessage handoff) {
                handoff.context().forEach(modelContext::addMessage);
            }
            modelContext.addMessage(message.toModelMessage());
        }
    }

    private record ModelCall(CreateResult result, String messageId) {
    }

    private ModelCall callModel(List<ToolSchema> tools, ToolChoice toolChoice, CancellationToken token,
            Consumer<? super BaseMessage> events) {
        List<LLMMessage> messages = systemPrompt != null
                ? AppendOnlyList.withFirst(systemPrompt, modelContext.getMessages())
                : modelContext.getMessages();
        CreateRequest.Builder request = CreateRequest.builder(ModelMessages.compatible(modelClient, messages, imageScan))
                .toolSchemas(tools)
                .cancellationToken(token);
        if (!tools.isEmpty()) {
            request.toolChoice(toolChoice);
        }
        if (outputContentType != null) {
            request.jsonOutput(outputContentType);
        }
        String messageId = RandomIds.uuid4();
        token.throwIfCancelled();
        if (!modelClientStream) {
            return new ModelCall(modelClient.create(request.build()), messageId);
        }
        try (ChatCompletionStream stream = modelClient.createStream(request.build())) {
            for (CreateStreamItem item : stream) {
                if (item instanceof ChatCompletionChunk chunk) {
                    events.accept(new ModelClientStreamingChunkEvent(null, name(), null, null, null,
                            chunk.content(), messageId));
                }
            }
            return new ModelCall(stream.result(), messageId);
        }
    }

    private void recordAssistantTurn(CreateResult result, Consumer<BaseMessage> emitInner) {
        modelContext.addMessage(new AssistantMessage(result.content(), result.thought(), name()));
        if (result.thought() != null && !result.thought().isEmpty()) {
            emitInner.accept(new ThoughtEvent(result.thought(), name()));
        }
    }

    private BaseChatMessage finalMessage(String text, ModelCall call) {
        if (outputContentType == null) {
            return new TextMessage(call.messageId, name(), call.result.usage(), null, null, text);
        }
        Object content;
        try {
            content = AutogenJson.mapper().readValue(text, outputContentType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("agent '" + name() + "': the model's reply is not a valid "
                    + outputContentType.getSimpleName() + " (" + e.getOriginalMessage() + "); reply was: " + text, e);
        }
        return new StructuredMessage<>(call.messageId, name(), call.result.usage(), null, null, content,
                outputContentTypeFormat);
    }

    /**
     * The transfer the model asked for, if any: the first handoff call whose arguments were well formed.
     * A handoff call with malformed arguments is not a transfer; its error result stays with the other
     * tool results for the model to read.
     */
    private @Nullable Response handoffResponse(List<FunctionCall> calls, List<FunctionExecutionResult> results,
            CreateResult modelResult, List<BaseMessage> inner) {
        List<FunctionCall> handoffCalls = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (isHandoff(calls.get(i), results.get(i))) {
                handoffCalls.add(calls.get(i));
            }
        }
        if (handoffCalls.isEmpty()) {
            return null;
        }
        Handoff selected = handoffs.get(handoffCalls.get(0).name());
        if (handoffCalls.size() > 1) {
            LOG.warn("agent '{}': the model asked for {} handoffs {}; only the first, to '{}', is made", name(),
                    handoffCalls.size(), handoffCalls.stream().map(FunctionCall::name).toList(), selected.target());
        }
        List<FunctionCall> toolCalls = new ArrayList<>();
        List<FunctionExecutionResult> toolResults = new ArrayList<>();
        String handoffText = selected.message();
        for (int i = 0; i < calls.size(); i++) {
            FunctionCall call = calls.get(i);
            if (!isHandoff(call, results.get(i))) {
                toolCalls.add(call);
                toolResults.add(results.get(i));
            } else if (call.name().equals(selected.name())) {
                handoffText = results.get(i).content();
            }
        }
        List<LLMMessage> context = new ArrayList<>();
        if (!toolCalls.isEmpty()) {
            context.add(new AssistantMessage(new ModelContent.FunctionCalls(toolCalls), modelResult.thought(), name()));
            context.add(new FunctionExecutionResultMessage(toolResults));
        } else if (modelResult.thought() != null && !modelResult.thought().isEmpty()) {
            context.add(new AssistantMessage(modelResult.thought(), name()));
        }
        return new Response(new HandoffMessage(handoffText, name(), selected.target(), context), inner);
    }

    /** A call of one of this agent's handoffs that went through (its arguments were well formed). */
    private boolean isHandoff(FunctionCall call, FunctionExecutionResult result) {
        return handoffs.containsKey(call.name()) && !result.failed();
    }

    private ToolCallSummaryMessage summarize(List<FunctionCall> calls, List<FunctionExecutionResult> results) {
        List<FunctionCall> normalCalls = new ArrayList<>();
        List<FunctionExecutionResult> normalResults = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            FunctionCall call = calls.get(i);
            FunctionExecutionResult result = results.get(i);
            if (isHandoff(call, result)) {
                continue;
            }
            normalCalls.add(call);
            normalResults.add(result);
            summaries.add(toolCallSummaryFormatter != null ? toolCallSummaryFormatter.apply(call, result)
                    : PythonText.format(toolCallSummaryFormat, Map.of("tool_name", call.name(),
                            "arguments", call.arguments(), "result", result.content(), "is_error", result.failed())));
        }
        return new ToolCallSummaryMessage(String.join("\n", summaries), name(), normalCalls, normalResults);
    }

    /** Clears the model context (preloaded messages included). */
    @Override
    public void onReset(CancellationToken cancellationToken) {
        modelContext.clear();
    }

    /** {@code {"type": "AssistantAgentState", "version": "1.0.0", "llm_context": {"messages": [...]}}}. */
    @Override
    public Map<String, Object> saveState() {
        return AssistantAgentState.of(modelContext.saveState()).toMap();
    }

    /**
     * {@link #saveState()}'s JSON without its maps: the model context's history records. A subclass that
     * overrides {@link #saveState()} but not this, or uses a model context that overrides
     * {@code saveState()} but not {@code stateValue()}, gets its own {@code saveState()} here, so a
     * checkpoint never leaves out state that subclass adds.
     */
    @Override
    public Object stateValue() {
        if (OWN_SAVE_STATE.get(getClass())) {
            return saveState();
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", AssistantAgentState.TYPE);
        state.put("version", AgentChatState.VERSION);
        state.put("llm_context", CONTEXT_OWN_SAVE_STATE.get(modelContext.getClass()) ? modelContext.saveState()
                : modelContext.stateValue());
        return state;
    }

    /** Agents whose class has its own {@code saveState()} and no {@code stateValue()} to match. */
    private static final ClassValue<Boolean> OWN_SAVE_STATE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return declaredBelow(type, AssistantAgent.class, "saveState")
                    && !declaredBelow(type, AssistantAgent.class, "stateValue");
        }
    };

    /** Model contexts whose class has its own {@code saveState()} and no {@code stateValue()} to match. */
    private static final ClassValue<Boolean> CONTEXT_OWN_SAVE_STATE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return declaredBelow(type, ChatCompletionContext.class, "saveState")
                    && !declaredBelow(type, ChatCompletionContext.class, "stateValue");
        }
    };

    private static boolean declaredBelow(Class<?> type, Class<?> base, String method) {
        try {
            return type.getMethod(method).getDeclaringClass() != base;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Restores the model context saved by {@link #saveState()}, reverting the agent to that point. */
    @Override
    public void loadState(Map<String, ?> state) {
        AssistantAgentState loaded = AgentChatState.fromMap(state, AssistantAgentState.class, AssistantAgentState.TYPE);
        modelContext.loadState(loaded.llmContext());
    }

    /** Closes the model client. */
    @Override
    public void close() {
        modelClient.close();
    }

    @Override
    public ComponentProvider<?, AssistantAgentConfig> componentProvider() {
        return new AssistantAgentProvider();
    }

    @Override
    public AssistantAgentConfig toConfig() {
        if (toolCallSummaryFormatter != null) {
            throw new UnsupportedOperationException("agent '" + name() + "' has a tool_call_summary_formatter, "
                    + "which is code and cannot be written in a component config; use tool_call_summary_format");
        }
        if (outputContentType != null) {
            throw new UnsupportedOperationException("agent '" + name() + "' has an output content type ("
                    + outputContentType.getName() + "), a Java class that a component config cannot carry");
        }
        return new AssistantAgentConfig(name(), modelClient.dumpComponent(), null,
                workbenches.stream().map(Workbench::dumpComponent).toList(),
                handoffs.isEmpty() ? null : List.copyOf(handoffs.values()), modelContext.dumpComponent(),
                memory.isEmpty() ? null : memory.stream().map(Memory::dumpComponent).toList(),
                description(), systemMessage, modelClientStream, reflectOnToolUse, toolCallSummaryFormat,
                maxToolIterations, metadata);
    }

    /** Builds an {@link AssistantAgent}; every option has Python AutoGen's default. */
    public static final class Builder {
        private final String name;
        private final ChatCompletionClient modelClient;
        private final List<Tool> tools = new ArrayList<>();
        private final List<Workbench> workbenches = new ArrayList<>();
        private final List<Handoff> handoffs = new ArrayList<>();
        private @Nullable ChatCompletionContext modelContext;
        private String description = DEFAULT_DESCRIPTION;
        private @Nullable String systemMessage = DEFAULT_SYSTEM_MESSAGE;
        private boolean modelClientStream;
        private @Nullable Boolean reflectOnToolUse;
        private int maxToolIterations = 1;
        private String toolCallSummaryFormat = "{result}";
        private @Nullable BiFunction<FunctionCall, FunctionExecutionResult, String> toolCallSummaryFormatter;
        private @Nullable Class<?> outputContentType;
        private @Nullable String outputContentTypeFormat;
        private final List<Memory> memory = new ArrayList<>();
        private Map<String, String> metadata = Map.of();

        private Builder(String name, ChatCompletionClient modelClient) {
            this.name = Objects.requireNonNull(name, "name");
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
        }

        /** Tools the model may call; names must be unique. Not together with {@link #workbench}. */
        public Builder tools(Collection<? extends Tool> newTools) {
            tools.addAll(newTools);
            return this;
        }

        /** Tools the model may call. */
        public Builder tools(Tool... newTools) {
            return tools(List.of(newTools));
        }

        /** One tool per {@code @ToolFunction} method of {@code target}, as {@link FunctionTool#fromMethods(Object)}. */
        public Builder toolsFrom(Object target) {
            return tools(FunctionTool.fromMethods(target));
        }

        /** Workbenches serving the tools, e.g. an MCP workbench. Not together with {@link #tools}. */
        public Builder workbench(Workbench... newWorkbenches) {
            workbenches.addAll(List.of(newWorkbenches));
            return this;
        }

        /** Workbenches serving the tools. */
        public Builder workbench(Collection<? extends Workbench> newWorkbenches) {
            workbenches.addAll(newWorkbenches);
            return this;
        }

        /** Handoffs the model may make; acted on by {@code Swarm}. */
        public Builder handoffs(Handoff... newHandoffs) {
            handoffs.addAll(List.of(newHandoffs));
            return this;
        }

        /** Handoffs to these agents, with default names and messages. */
        public Builder handoffs(String... targets) {
            for (String target : targets) {
                handoffs.add(Handoff.to(target));
            }
            return this;
        }

        /** Handoffs the model may make. */
        public Builder handoffs(Collection<Handoff> newHandoffs) {
            handoffs.addAll(newHandoffs);
            return this;
        }

        /** Where the conversation is kept; unbounded unless given. */
        public Builder modelContext(ChatCompletionContext context) {
            this.modelContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** What the agent does, for teams choosing speakers. */
        public Builder description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return this;
        }

        /** The system message put before the conversation; null for none (e.g. o1 models). */
        public Builder systemMessage(@Nullable String message) {
            this.systemMessage = message;
            return this;
        }

        /** Streams the model's reply, emitting {@link ModelClientStreamingChunkEvent}s. */
        public Builder modelClientStream(boolean stream) {
            this.modelClientStream = stream;
            return this;
        }

        /** After tool calls, asks the model once more for an answer instead of summarizing the results. */
        public Builder reflectOnToolUse(boolean reflect) {
            this.reflectOnToolUse = reflect;
            return this;
        }

        /** How many rounds of tool calls one step may make (at least 1). */
        public Builder maxToolIterations(int iterations) {
            this.maxToolIterations = iterations;
            return this;
        }

        /** The summary of each tool call: {@code {tool_name}}, {@code {arguments}}, {@code {result}}, {@code {is_error}}. */
        public Builder toolCallSummaryFormat(String format) {
            this.toolCallSummaryFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Writes each tool call's summary, instead of the format. Cannot be dumped as config. */
        public Builder toolCallSummaryFormatter(BiFunction<FunctionCall, FunctionExecutionResult, String> formatter) {
            this.toolCallSummaryFormatter = Objects.requireNonNull(formatter, "formatter");
            return this;
        }

        /** Makes the final answer a {@link StructuredMessage} of this type, via the model's structured output. */
        public Builder outputContentType(Class<?> type) {
            this.outputContentType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** (Experimental) A format string for the structured message's text. */
        public Builder outputContentTypeFormat(@Nullable String format) {
            this.outputContentTypeFormat = format;
            return this;
        }

        /** Memories whose relevant content is added to the context before each model call. */
        public Builder memory(Memory... memories) {
            memory.addAll(List.of(memories));
            return this;
        }

        /** Memories whose relevant content is added to the context before each model call. */
        public Builder memory(Collection<? extends Memory> memories) {
            memory.addAll(memories);
            return this;
        }

        /** Metadata about the agent. */
        public Builder metadata(Map<String, String> newMetadata) {
            this.metadata = Map.copyOf(newMetadata);
            return this;
        }

        /**
         * Builds the agent.
         *
         * @throws IllegalArgumentException for a bad combination, naming it (duplicate tool or handoff
         *     names, tools with a workbench, tools for a model without function calling, ...)
         */
        public AssistantAgent build() {
            return new AssistantAgent(this);
        }
    }
}
