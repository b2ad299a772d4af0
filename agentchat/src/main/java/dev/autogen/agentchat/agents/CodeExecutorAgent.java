package dev.autogen.agentchat.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.CodeExecutionEvent;
import dev.autogen.agentchat.messages.CodeGenerationEvent;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.CodeExecutorAgentState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.code_executor.CommandLineCodeResult;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.RandomIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * (Experimental) An agent that runs code. Without a model client it runs the fenced code blocks
 * ({@code ```python} or {@code ```sh} by default) found in the text messages it receives and answers
 * with their output, or {@link #NO_CODE_BLOCKS_FOUND_MESSAGE}. With a model client it writes code itself:
 * the model answers, the code blocks in the answer run ({@link CodeGenerationEvent}, then
 * {@link CodeExecutionEvent}), on failure the model may decide to retry (up to
 * {@code maxRetriesOnError} times), and finally the model reflects on the result in a {@link TextMessage}.
 *
 * <!-- java-context: import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
 *      import java.nio.file.Path; -->
 * <pre>{@code
 * try (var executor = LocalCommandLineCodeExecutor.builder().workDir(Path.of("coding")).build()) {
 *     var agent = CodeExecutorAgent.builder("code_executor", executor)
 *             .approvalFunc(request -> ApprovalResponse.approve("reviewed"))
 *             .build();
 *     Response response = agent.onMessages(
 *             List.of(new TextMessage("```python\nprint('Hello world')\n```", "user")), new CancellationToken());
 *     System.out.println(response.chatMessage().toText());   // Hello world
 * }
 * }</pre>
 *
 * <p>Model-written code runs on this machine unless the executor isolates it: prefer a Docker executor,
 * and set an {@link ApprovalFunc} to review each execution.
 */
public class CodeExecutorAgent extends BaseChatAgent implements Component<CodeExecutorAgentConfig> {
    /** The Python provider name of this component. */
    public static final String PROVIDER = "autogen_agentchat.agents.CodeExecutorAgent";
    /** The description of an agent without a model client, which only runs code it is given. */
    public static final String DEFAULT_TERMINAL_DESCRIPTION = "A computer terminal that performs no other action than "
            + "running Python scripts (provided to it quoted in ```python code blocks), or sh shell scripts (provided to "
            + "it quoted in ```sh code blocks).";
    /** The description of an agent with a model client. */
    public static final String DEFAULT_AGENT_DESCRIPTION = "A Code Execution Agent that generates and executes Python "
            + "and shell scripts based on user instructions. It ensures correctness, efficiency, and minimal errors "
            + "while gracefully handling edge cases.";
    /** The default system message, used only with a model client. */
    public static final String DEFAULT_SYSTEM_MESSAGE = "You are a Code Execution Agent. Your role is to generate and "
            + "execute Python code and shell scripts based on user instructions, ensuring correctness, efficiency, and "
            + "minimal errors. Handle edge cases gracefully. Python code should be provided in ```python code blocks, "
            + "and sh shell scripts should be provided in ```sh code blocks for execution.";
    /** The reply when the messages hold no code block to run. */
    public static final String NO_CODE_BLOCKS_FOUND_MESSAGE = "No code blocks found in the thread. Please provide at "
            + "least one markdown-encoded code block to execute (i.e., quoting code in ```python or ```sh code blocks).";
    /** The languages whose blocks run unless others are given. */
    public static final List<String> DEFAULT_SUPPORTED_LANGUAGES = List.of("python", "sh");

    private final CodeExecutor codeExecutor;
    private final @Nullable ChatCompletionClient modelClient;
    private final ChatCompletionContext modelContext;
    private final boolean modelClientStream;
    private final int maxRetriesOnError;
    private final @Nullable String systemMessage;
    private final @Nullable List<String> sources;
    private final List<String> supportedLanguages;
    private final Pattern codeBlockPattern;
    private final @Nullable ApprovalFunc approvalFunc;

    /** An agent that runs the python and sh blocks it receives with {@code codeExecutor}. */
    public CodeExecutorAgent(String name, CodeExecutor codeExecutor) {
        this(builder(name, codeExecutor));
    }

    /** Starts building an agent named {@code name} that runs code with {@code codeExecutor}. */
    public static Builder builder(String name, CodeExecutor codeExecutor) {
        return new Builder(name, codeExecutor);
    }

    protected CodeExecutorAgent(Builder b) {
        super(b.name, b.description != null ? b.description
                : b.modelClient == null ? DEFAULT_TERMINAL_DESCRIPTION : DEFAULT_AGENT_DESCRIPTION);
        this.codeExecutor = b.codeExecutor;
        this.modelClient = b.modelClient;
        this.modelContext = b.modelContext != null ? b.modelContext : new UnboundedChatCompletionContext();
        this.modelClientStream = b.modelClientStream;
        if (b.maxRetriesOnError < 0) {
            throw new IllegalArgumentException("agent '" + b.name + "': max_retries_on_error must not be negative, got "
                    + b.maxRetriesOnError);
        }
        if (b.maxRetriesOnError > 0) {
            if (b.modelClient == null) {
                throw new IllegalArgumentException("agent '" + b.name + "': max_retries_on_error > 0 needs a model "
                        + "client (model_client.model_info must be provided when max_retries_on_error > 0)");
            }
            if (!b.modelClient.modelInfo().structuredOutput()) {
                throw new IllegalArgumentException("agent '" + b.name + "': max_retries_on_error > 0 needs a model "
                        + "with structured output, which decides whether to retry; the model_client's model_info "
                        + "says structured_output is false");
            }
        }
        this.maxRetriesOnError = b.maxRetriesOnError;
        this.systemMessage = b.systemMessage;
        this.sources = b.sources == null ? null : List.copyOf(b.sources);
        if (b.supportedLanguages.isEmpty()) {
            throw new IllegalArgumentException("agent '" + b.name + "': supported_languages must name at least one "
                    + "language, e.g. [python, sh]");
        }
        this.supportedLanguages = List.copyOf(b.supportedLanguages);
        String languages = supportedLanguages.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.codeBlockPattern = Pattern.compile("```(?:\\s*(" + languages + "))\\n([\\s\\S]*?)```",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        this.approvalFunc = b.approvalFunc;
    }

    /** The executor that runs the code. */
    public CodeExecutor codeExecutor() {
        return codeExecutor;
    }

    /** The model context holding the conversation (used only with a model client). */
    public ChatCompletionContext modelContext() {
        return modelContext;
    }

    /** The languages whose code blocks run. */
    public List<String> supportedLanguages() {
        return supportedLanguages;
    }

    @Override
    public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
        return List.of(TextMessage.class);
    }

    @Override
    public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
        return onMessagesStream(messages, cancellationToken, message -> {
        });
    }

    /**
     * Runs the code in {@code messages} (no model client), or has the model write, run and reflect on
     * code. {@link CodeGenerationEvent}s, {@link CodeExecutionEvent}s, thoughts and streaming chunks go to
     * {@code events}; as in Python, only thoughts are kept in the response's inner messages.
     *
     * @throws IllegalStateException if the model answers with tool calls instead of text
     * @throws CancellationException if the token is cancelled
     */
    @Override
    public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken,
            Consumer<? super BaseMessage> events) {
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        ChatCompletionClient client = modelClient;
        if (client == null) {
            List<CodeBlock> blocks = extractCodeBlocksFromMessages(messages);
            if (blocks.isEmpty()) {
                return new Response(new TextMessage(NO_CODE_BLOCKS_FOUND_MESSAGE, name()));
            }
            CodeResult result = executeCodeBlock(blocks, cancellationToken);
            return new Response(new TextMessage(result.output(), name()));
        }
        List<BaseMessage> inner = new ArrayList<>();
        addToContext(messages);
        for (int attempt = 0; attempt <= maxRetriesOnError; attempt++) {
            CreateResult generated = callModel(client, cancellationToken, events, null);
            String text = textOf(generated);
            if (generated.thought() != null && !generated.thought().isEmpty()) {
                ThoughtEvent thought = new ThoughtEvent(generated.thought(), name());
                events.accept(thought);
                inner.add(thought);
            }
            modelContext.addMessage(new AssistantMessage(generated.content(), generated.thought(), name()));
            List<CodeBlock> blocks = extractMarkdownCodeBlocks(text);
            if (blocks.isEmpty()) {
                return new Response(new TextMessage(text, name()), inner);
            }
            events.accept(new CodeGenerationEvent(attempt, text, blocks, name(), generated.usage()));
            CodeResult result = executeCodeBlock(blocks, cancellationToken);
            modelContext.addMessage(new UserMessage(result.output(), name()));
            events.accept(new CodeExecutionEvent(attempt, result, name()));
            if (result.exitCode() == 0 || attempt == maxRetriesOnError) {
                break;
            }
            RetryDecision decision = decideRetry(client, result, cancellationToken);
            if (!decision.retry()) {
                break;
            }
            events.accept(new CodeGenerationEvent(attempt, "Attempt number: " + (attempt + 1) + "\nProposed correction: "
                    + decision.reason(), List.of(), name(), null));
        }
        return reflect(client, cancellationToken, events, inner);
    }

    private void addToContext(List<? extends BaseChatMessage> messages) {
        for (BaseChatMessage message : messages) {
            if (message instanceof HandoffMessage handoff) {
                handoff.context().forEach(modelContext::addMessage);
            }
            modelContext.addMessage(message.toModelMessage());
        }
    }

    private CreateResult callModel(ChatCompletionClient client, CancellationToken token,
            Consumer<? super BaseMessage> events, @Nullable String messageId) {
        List<LLMMessage> messages = new ArrayList<>();
        if (systemMessage != null) {
            messages.add(new SystemMessage(systemMessage));
        }
        messages.addAll(modelContext.getMessages());
        CreateRequest request = CreateRequest.builder(ModelMessages.compatible(client, messages))
                .cancellationToken(token)
                .build();
        token.throwIfCancelled();
        if (!modelClientStream) {
            return client.create(request);
        }
        try (ChatCompletionStream stream = client.createStream(request)) {
            for (CreateStreamItem item : stream) {
                if (item instanceof ChatCompletionChunk chunk) {
                    events.accept(new ModelClientStreamingChunkEvent(null, name(), null, null, null, chunk.content(),
                            messageId));
                }
            }
            return stream.result();
        }
    }

    private String textOf(CreateResult result) {
        if (!(result.content() instanceof ModelContent.Text text)) {
            throw new IllegalStateException("agent '" + name() + "': the model answered with tool calls, but a code "
                    + "executor agent offers no tools and needs text with code blocks");
        }
        return text.text();
    }

    private static final String RETRY_PROMPT = "The most recent code execution resulted in an error:\n%s\n\n"
            + "Should we attempt to resolve it? Please respond with:\n"
            + "- A boolean value for 'retry' indicating whether it should be retried.\n"
            + "- A detailed explanation in 'reason' that identifies the issue, justifies your decision to retry or not, "
            + "and outlines how you would resolve the error if a retry is attempted.";

    private RetryDecision decideRetry(ChatCompletionClient client, CodeResult failed, CancellationToken token) {
        List<LLMMessage> messages = new ArrayList<>(modelContext.getMessages());
        messages.add(new UserMessage(RETRY_PROMPT.formatted(failed.output()), name()));
        CreateRequest request = CreateRequest.builder(ModelMessages.compatible(client, messages))
                .jsonOutput(RetryDecision.class)
                .cancellationToken(token)
                .build();
        token.throwIfCancelled();
        String answer = textOf(client.create(request));
        try {
            return AutogenJson.mapper().readValue(answer, RetryDecision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent '" + name() + "': the model's retry decision is not a valid "
                    + "RetryDecision {\"reason\": string, \"retry\": boolean} (" + e.getOriginalMessage()
                    + "); answer was: " + answer, e);
        }
    }

    private Response reflect(ChatCompletionClient client, CancellationToken token, Consumer<? super BaseMessage> events,
            List<BaseMessage> inner) {
        String messageId = RandomIds.uuid4();
        CreateResult reflection = callModel(client, token, events, messageId);
        String text = textOf(reflection);
        if (reflection.thought() != null && !reflection.thought().isEmpty()) {
            ThoughtEvent thought = new ThoughtEvent(reflection.thought(), name());
            events.accept(thought);
            inner.add(thought);
        }
        modelContext.addMessage(new AssistantMessage(reflection.content(), reflection.thought(), name()));
        return new Response(new TextMessage(messageId, name(), reflection.usage(), null, null, text), inner);
    }

    /**
     * The code blocks of the {@link TextMessage}s in {@code messages} (only those from {@code sources},
     * when given), in the supported languages.
     */
    public List<CodeBlock> extractCodeBlocksFromMessages(List<? extends BaseChatMessage> messages) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (BaseChatMessage message : messages) {
            if ((sources == null || sources.contains(message.source())) && message instanceof TextMessage text) {
                blocks.addAll(extractMarkdownCodeBlocks(text.content()));
            }
        }
        return List.copyOf(blocks);
    }

    private List<CodeBlock> extractMarkdownCodeBlocks(String markdown) {
        List<CodeBlock> blocks = new ArrayList<>();
        Matcher m = codeBlockPattern.matcher(markdown);
        while (m.find()) {
            blocks.add(new CodeBlock(m.group(2), m.group(1).strip()));
        }
        return blocks;
    }

    /**
     * Runs {@code codeBlocks} after the approval function (if any) allows it. A refusal is the result
     * {@code (1, "Code execution was not approved. Reason: <reason>")}; an empty output or a failure is
     * explained in words a model understands, as Python does.
     *
     * @throws CancellationException if the token is cancelled
     * @throws IllegalStateException if the approval function fails
     */
    public CodeResult executeCodeBlock(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        if (approvalFunc != null) {
            String code = codeBlocks.stream()
                    .map(block -> "```" + block.language() + "\n" + block.code() + "\n```")
                    .collect(Collectors.joining("\n\n"));
            ApprovalResponse verdict = approve(new ApprovalRequest(code, modelContext.getMessages()));
            if (!verdict.approved()) {
                return CodeResult.of(1, "Code execution was not approved. Reason: " + verdict.reason());
            }
        }
        CodeResult result = codeExecutor.executeCodeBlocks(codeBlocks, cancellationToken);
        String output;
        if (result.output().strip().isEmpty()) {
            output = "The script ran but produced no output to console. The POSIX exit code was: " + result.exitCode()
                    + ". If you were expecting output, consider revising the script to ensure content is printed "
                    + "to stdout.";
        } else if (result.exitCode() != 0) {
            output = "The script ran, then exited with an error (POSIX exit code: " + result.exitCode()
                    + ")\nIts output was:\n" + result.output();
        } else {
            return result;
        }
        return result instanceof CommandLineCodeResult cli
                ? new CommandLineCodeResult(cli.exitCode(), output, cli.codeFile())
                : CodeResult.of(result.exitCode(), output);
    }

    private ApprovalResponse approve(ApprovalRequest request) {
        ApprovalFunc func = Objects.requireNonNull(approvalFunc);
        ApprovalResponse verdict;
        try {
            verdict = func.approve(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("agent '" + name() + "': interrupted while waiting for code approval");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("agent '" + name() + "': the approval function failed: " + e, e);
        }
        if (verdict == null) {
            throw new IllegalStateException("agent '" + name() + "': the approval function returned null; return "
                    + "ApprovalResponse.approve(reason) or ApprovalResponse.deny(reason)");
        }
        return verdict;
    }

    /**
     * Clears the model context. (Python does nothing here; clearing is what a reset means for the
     * conversation a model-backed agent keeps.)
     */
    @Override
    public void onReset(CancellationToken cancellationToken) {
        modelContext.clear();
    }

    /**
     * Its state is Python's, {@code {"type": "BaseState", "version": "1.0.0"}}: Python 0.7.5 saves nothing
     * of its model context, and a team's state must load in Python. Loading accepts that {@code BaseState},
     * which restores nothing, and the state earlier versions of this library wrote, which restores
     * its model context.
     */
    @Override
    public void loadState(Map<String, ?> state) {
        if ("BaseState".equals(state.get("type"))) {
            return;
        }
        CodeExecutorAgentState loaded = AgentChatState.fromMap(state, CodeExecutorAgentState.class,
                CodeExecutorAgentState.TYPE);
        modelContext.loadState(loaded.llmContext());
    }

    /** Its component model (BaseChatAgent's refusal applies only to agents without a config). */
    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    @Override
    public ComponentProvider<?, CodeExecutorAgentConfig> componentProvider() {
        return new CodeExecutorAgentProvider();
    }

    /**
     * @throws UnsupportedOperationException if an approval function is set (it is code), or a nested
     *     component cannot be dumped
     */
    @Override
    public CodeExecutorAgentConfig toConfig() {
        if (approvalFunc != null) {
            throw new UnsupportedOperationException("Cannot serialize CodeExecutorAgent with approval_func set: agent '"
                    + name() + "' has an approval function, which is code; build the agent without one to dump it");
        }
        return new CodeExecutorAgentConfig(name(), codeExecutor.dumpComponent(),
                modelClient != null ? modelClient.dumpComponent() : null, description(), sources, systemMessage,
                modelClientStream, modelContext.dumpComponent(), supportedLanguages,
                maxRetriesOnError == 0 ? null : maxRetriesOnError);
    }

    /**
     * The model's answer, in structured output, to whether a failed execution should be retried.
     *
     * @param reason what went wrong and how a retry would fix it
     * @param retry whether to retry
     */
    @JsonPropertyOrder({"reason", "retry"})
    public record RetryDecision(@JsonProperty(required = true) String reason,
            @JsonProperty(required = true) boolean retry) {
    }

    /** Builds a {@link CodeExecutorAgent}; every option has Python's default. */
    public static final class Builder {
        private final String name;
        private final CodeExecutor codeExecutor;
        private @Nullable ChatCompletionClient modelClient;
        private @Nullable ChatCompletionContext modelContext;
        private boolean modelClientStream;
        private int maxRetriesOnError;
        private @Nullable String description;
        private @Nullable String systemMessage = DEFAULT_SYSTEM_MESSAGE;
        private @Nullable List<String> sources;
        private List<String> supportedLanguages = DEFAULT_SUPPORTED_LANGUAGES;
        private @Nullable ApprovalFunc approvalFunc;

        private Builder(String name, CodeExecutor codeExecutor) {
            this.name = Objects.requireNonNull(name, "name");
            this.codeExecutor = Objects.requireNonNull(codeExecutor, "codeExecutor");
        }

        /** A model that writes the code and reflects on its result; without one the agent only runs code it receives. */
        public Builder modelClient(ChatCompletionClient client) {
            this.modelClient = Objects.requireNonNull(client, "modelClient");
            return this;
        }

        /** Where the conversation is kept; unbounded unless given. */
        public Builder modelContext(ChatCompletionContext context) {
            this.modelContext = Objects.requireNonNull(context, "modelContext");
            return this;
        }

        /** Streams the model's replies, emitting {@link ModelClientStreamingChunkEvent}s. */
        public Builder modelClientStream(boolean stream) {
            this.modelClientStream = stream;
            return this;
        }

        /** How many times the model may fix failing code (default 0); needs a model with structured output. */
        public Builder maxRetriesOnError(int retries) {
            this.maxRetriesOnError = retries;
            return this;
        }

        /** What the agent does; by default {@link CodeExecutorAgent#DEFAULT_TERMINAL_DESCRIPTION} or {@link CodeExecutorAgent#DEFAULT_AGENT_DESCRIPTION}. */
        public Builder description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return this;
        }

        /** The system message for the model; null for none. */
        public Builder systemMessage(@Nullable String message) {
            this.systemMessage = message;
            return this;
        }

        /** Runs only code from these agents' messages (without a model client); all sources unless set. */
        public Builder sources(Collection<String> newSources) {
            this.sources = List.copyOf(newSources);
            return this;
        }

        /** Runs only code from these agents' messages (without a model client). */
        public Builder sources(String... newSources) {
            return sources(List.of(newSources));
        }

        /** The fence languages whose blocks run (case-insensitive); {@code python} and {@code sh} unless set. */
        public Builder supportedLanguages(Collection<String> languages) {
            this.supportedLanguages = List.copyOf(languages);
            return this;
        }

        /** The fence languages whose blocks run. */
        public Builder supportedLanguages(String... languages) {
            return supportedLanguages(List.of(languages));
        }

        /** Asked before each execution; refused code does not run. Prevents dumping the agent as a config. */
        public Builder approvalFunc(ApprovalFunc func) {
            this.approvalFunc = Objects.requireNonNull(func, "approvalFunc");
            return this;
        }

        /**
         * Builds the agent.
         *
         * @throws IllegalArgumentException for a negative retry count, retries without a model client with
         *     structured output, or no supported language
         */
        public CodeExecutorAgent build() {
            return new CodeExecutorAgent(this);
        }
    }
}
