package dev.autogen.core.model_context;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A context whose view is the whole history; the default of {@code AssistantAgent}.
 *
 * <!-- java-context: import dev.autogen.core.models.UserMessage; -->
 * <pre>{@code
 * var context = new UnboundedChatCompletionContext();
 * context.addMessage(new UserMessage("Hello", "user"));
 * }</pre>
 */
public class UnboundedChatCompletionContext extends ChatCompletionContext
        implements Component<UnboundedChatCompletionContextConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.model_context.UnboundedChatCompletionContext";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "An unbounded chat completion context that keeps a view of the all the messages.";
    private static final Provider COMPONENT_PROVIDER = new Provider();

    /** An empty context. */
    public UnboundedChatCompletionContext() {
        this(null);
    }

    /** A context preloaded with {@code initialMessages} ({@code null} for none). */
    public UnboundedChatCompletionContext(@Nullable List<? extends LLMMessage> initialMessages) {
        super(initialMessages);
    }

    /** Every message in the history. */
    @Override
    public List<LLMMessage> getMessages() {
        return history();
    }

    /** This context's component config. */
    @Override
    public UnboundedChatCompletionContextConfig toConfig() {
        return new UnboundedChatCompletionContextConfig(initialMessagesOrNull());
    }

    @Override
    public ComponentProvider<?, UnboundedChatCompletionContextConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<UnboundedChatCompletionContext, UnboundedChatCompletionContextConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CHAT_COMPLETION_CONTEXT,
                    UnboundedChatCompletionContext.class, UnboundedChatCompletionContextConfig.class, DESCRIPTION);
        }

        @Override
        public UnboundedChatCompletionContext fromConfig(UnboundedChatCompletionContextConfig config, ComponentContext context) {
            return new UnboundedChatCompletionContext(config.initialMessages());
        }
    }
}
