package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an {@code AssistantAgent} learn from what its users teach it, as Python's {@code Teachability}:
 * a {@link Memory} on a {@link MemoryController}. Before each model call it retrieves the memos relevant
 * to the last message and adds them to the context as one user message
 * ({@code "\nPotentially relevant memories:\n1. ..."}), then stores any advice that message holds, so
 * the agent remembers it in later conversations.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * var controller = MemoryController.builder(model)
 *         .config(MemoryControllerConfig.at("./memory_bank/teachability")).build();
 * var agent = AssistantAgent.builder("teachable_agent", model)
 *         .systemMessage("You are a helpful AI assistant, with the special ability to remember user teachings"
 *                 + " from prior conversations.")
 *         .memory(new Teachability(controller))
 *         .build();
 * }</pre>
 *
 * <p>{@link #add} stores the advice the model finds in the content; {@link #query} returns the
 * relevant insights as text items; {@link #clear} empties the memory bank. Thread-safe.
 */
public final class Teachability implements Memory, Component<TeachabilityConfig> {
    /** The provider string of this component (Java only). */
    public static final String PROVIDER = "dev.autogen.ext.experimental.taskcentricmemory.Teachability";
    /** The name when none is given, as in Python. */
    public static final String DEFAULT_NAME = "teachability";

    private static final Logger LOG = LoggerFactory.getLogger(Teachability.class);
    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final MemoryController memoryController;
    private final String name;
    private final boolean ownsController;

    /** Teachability on {@code memoryController} (closed by the caller), named {@value #DEFAULT_NAME}. */
    public Teachability(MemoryController memoryController) {
        this(memoryController, DEFAULT_NAME);
    }

    /** Teachability on {@code memoryController} (closed by the caller), named {@code name}. */
    public Teachability(MemoryController memoryController, String name) {
        this(memoryController, name, false);
    }

    private Teachability(MemoryController memoryController, String name, boolean ownsController) {
        this.memoryController = Objects.requireNonNull(memoryController, "memoryController");
        this.name = Objects.requireNonNull(name, "name");
        this.ownsController = ownsController;
    }

    /** The memory controller. */
    public MemoryController memoryController() {
        return memoryController;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Adds the memos relevant to the context's last message as one user message, then stores any advice
     * that message holds.
     */
    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        List<LLMMessage> messages = modelContext.getMessages();
        if (messages.isEmpty()) {
            return new UpdateContextResult(new MemoryQueryResult(List.of()));
        }
        String lastText = text(messages.getLast());
        MemoryQueryResult found = query(lastText);
        if (!found.results().isEmpty()) {
            List<String> lines = new ArrayList<>();
            int i = 1;
            for (MemoryContent memory : found.results()) {
                lines.add(i++ + ". " + memory.content());
            }
            modelContext.addMessage(new UserMessage("\nPotentially relevant memories:\n" + String.join("\n", lines),
                    "user"));
        }
        memoryController.considerMemoStorage(lastText);
        return new UpdateContextResult(found);
    }

    /** The insights relevant to {@code query}, as text items. */
    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        cancellationToken.throwIfCancelled();
        List<MemoryContent> results = new ArrayList<>();
        for (Memo memo : memoryController.retrieveRelevantMemos(text(query))) {
            LOG.debug("Insight: {}", memo.insight());
            results.add(new MemoryContent(memo.insight(), MemoryMimeType.TEXT, Map.of()));
        }
        return new MemoryQueryResult(results);
    }

    /**
     * Stores the advice the model finds in {@code content}, if any.
     *
     * @throws IllegalArgumentException for content without a text form (bytes, images)
     */
    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
        cancellationToken.throwIfCancelled();
        memoryController.considerMemoStorage(text(content));
    }

    /** Empties the memory bank, on disk too. */
    @Override
    public void clear() {
        memoryController.resetMemory();
    }

    /**
     * Closes the memory controller and its model client if this memory was loaded from a config (else
     * their creator closes them).
     */
    @Override
    public void close() {
        if (ownsController) {
            try {
                memoryController.close();
            } finally {
                memoryController.client().close();
            }
        }
    }

    private static String text(MemoryContent content) {
        return switch (content.content()) {
            case String s -> s;
            case Map<?, ?> map when content.knownMimeType().orElse(null) == MemoryMimeType.JSON -> map.toString();
            default -> throw new IllegalArgumentException("teachability takes text, Markdown or JSON content, not '"
                    + content.mimeType() + "'");
        };
    }

    private static String text(LLMMessage message) {
        return switch (message) {
            case UserMessage m -> m.content().toText();
            case SystemMessage m -> m.content();
            case AssistantMessage m when m.content() instanceof ModelContent.Text t -> t.text();
            default -> AutogenJson.mapper().valueToTree(message).toString();
        };
    }

    /**
     * This memory's config.
     *
     * @throws UnsupportedOperationException if the model client or the embedding function has no config
     */
    @Override
    public TeachabilityConfig toConfig() {
        return new TeachabilityConfig(name, memoryController.client().dumpComponent(), memoryController.resetAtStart(),
                memoryController.config().withMemoryBank(memoryController.memoryBank().configForDump()));
    }

    @Override
    public ComponentProvider<?, TeachabilityConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<Teachability, TeachabilityConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.MEMORY, Teachability.class, TeachabilityConfig.class,
                    "Task-centric memory that learns from user teachings and recalls them for related tasks.");
        }

        @Override
        public Teachability fromConfig(TeachabilityConfig config, ComponentContext context) {
            ChatCompletionClient client = context.load(config.modelClient(), ChatCompletionClient.class, "model_client");
            MemoryController controller;
            try {
                var builder = MemoryController.builder(client).reset(Boolean.TRUE.equals(config.reset()))
                        .environment(context.environment());
                if (config.memoryController() != null) {
                    builder.config(config.memoryController());
                }
                controller = builder.build();
            } catch (IllegalArgumentException e) {
                client.close();
                throw context.invalid("MemoryController.MemoryBank.embedding_function_config", e.getMessage());
            }
            return new Teachability(controller, config.name() == null ? DEFAULT_NAME : config.name(), true);
        }
    }
}
