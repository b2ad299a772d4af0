package dev.autogen.core.model_context;

import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * (Experimental, as in Python) A context whose view is as much of the history as fits a token
 * budget, counted by the model client's {@link ChatCompletionClient#countTokens}. While the view
 * is over budget the message in the middle is removed, so the start (the task) and the end (the
 * latest turns) survive longest. Without a token limit the budget is what
 * {@link ChatCompletionClient#remainingTokens} allows. Function results whose call was removed are
 * dropped too.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient modelClient; -->
 * <pre>{@code
 * var context = TokenLimitedChatCompletionContext.builder(modelClient).tokenLimit(4000).build();
 * }</pre>
 */
public class TokenLimitedChatCompletionContext extends ChatCompletionContext
        implements Component<TokenLimitedChatCompletionContextConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.model_context.TokenLimitedChatCompletionContext";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION =
            "(Experimental) A token based chat completion context maintains a view of the context up to a token limit.";

    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final ChatCompletionClient modelClient;
    private final @Nullable Integer tokenLimit;
    private final List<ToolSchema> toolSchema;

    private TokenLimitedChatCompletionContext(Builder b) {
        super(b.initialMessages);
        this.modelClient = b.modelClient;
        this.tokenLimit = b.tokenLimit;
        this.toolSchema = b.toolSchema;
    }

    /** A builder for a context counting with {@code modelClient}. */
    public static Builder builder(ChatCompletionClient modelClient) {
        return new Builder(modelClient);
    }

    /** The client used to count tokens. */
    public ChatCompletionClient modelClient() {
        return modelClient;
    }

    /** The token budget, or empty when the client's remaining tokens decide. */
    public Optional<Integer> tokenLimit() {
        return Optional.ofNullable(tokenLimit);
    }

    /** The tools counted along with the messages. */
    public List<ToolSchema> toolSchema() {
        return toolSchema;
    }

    /** The history with middle messages removed until it fits, without orphaned function results. */
    @Override
    public List<LLMMessage> getMessages() {
        List<LLMMessage> view = new ArrayList<>(history());
        if (tokenLimit == null) {
            while (!view.isEmpty() && modelClient.remainingTokens(view, toolSchema) < 0) {
                view.remove(view.size() / 2);
            }
        } else {
            while (!view.isEmpty() && modelClient.countTokens(view, toolSchema) > tokenLimit) {
                view.remove(view.size() / 2);
            }
        }
        Set<String> callIds = new HashSet<>();
        for (LLMMessage m : view) {
            if (m instanceof AssistantMessage a && a.content() instanceof ModelContent.FunctionCalls calls) {
                for (FunctionCall call : calls.calls()) {
                    callIds.add(call.id());
                }
            }
        }
        view.removeIf(m -> m instanceof FunctionExecutionResultMessage results
                && results.content().stream().map(FunctionExecutionResult::callId).anyMatch(id -> !callIds.contains(id)));
        return List.copyOf(view);
    }

    /**
     * This context's component config, with the model client dumped as a component.
     *
     * @throws UnsupportedOperationException if the model client cannot be dumped
     */
    @Override
    public TokenLimitedChatCompletionContextConfig toConfig() {
        ComponentModel client;
        try {
            client = modelClient.dumpComponent();
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("model_client cannot be written to a config: " + e.getMessage(), e);
        }
        return new TokenLimitedChatCompletionContextConfig(client, tokenLimit, toolSchema, initialMessagesOrNull());
    }

    /** Options of {@link TokenLimitedChatCompletionContext}. */
    public static final class Builder {
        private final ChatCompletionClient modelClient;
        private @Nullable Integer tokenLimit;
        private List<ToolSchema> toolSchema = List.of();
        private @Nullable List<LLMMessage> initialMessages;

        private Builder(ChatCompletionClient modelClient) {
            this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
        }

        /**
         * The most tokens the view may hold; by default the client's remaining tokens decide.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder tokenLimit(int tokenLimit) {
            if (tokenLimit <= 0) {
                throw new IllegalArgumentException("token_limit must be greater than 0, got " + tokenLimit);
            }
            this.tokenLimit = tokenLimit;
            return this;
        }

        /** Tools whose schemas count against the budget, as they are sent with every call. */
        public Builder toolSchema(List<ToolSchema> toolSchema) {
            this.toolSchema = List.copyOf(toolSchema);
            return this;
        }

        /** Messages the history starts with. */
        public Builder initialMessages(List<? extends LLMMessage> initialMessages) {
            this.initialMessages = List.copyOf(initialMessages);
            return this;
        }

        public TokenLimitedChatCompletionContext build() {
            return new TokenLimitedChatCompletionContext(this);
        }
    }

    @Override
    public ComponentProvider<?, TokenLimitedChatCompletionContextConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<TokenLimitedChatCompletionContext, TokenLimitedChatCompletionContextConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CHAT_COMPLETION_CONTEXT,
                    TokenLimitedChatCompletionContext.class, TokenLimitedChatCompletionContextConfig.class, DESCRIPTION);
        }

        @Override
        public TokenLimitedChatCompletionContext fromConfig(TokenLimitedChatCompletionContextConfig config, ComponentContext context) {
            Builder b = builder(context.load(config.modelClient(), ChatCompletionClient.class, "model_client"));
            if (config.tokenLimit() != null) {
                b.tokenLimit(config.tokenLimit());
            }
            if (config.toolSchema() != null) {
                b.toolSchema(config.toolSchema());
            }
            if (config.initialMessages() != null) {
                b.initialMessages(config.initialMessages());
            }
            return b.build();
        }
    }
}
