package dev.autogen.core.model_context;

import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A context whose view is the whole history; the default of {@code AssistantAgent}.
 *
 * <pre>{@code
 * var context = new UnboundedChatCompletionContext();
 * context.addMessage(new UserMessage("Hello", "user"));
 * }</pre>
 */
public class UnboundedChatCompletionContext extends ChatCompletionContext {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.model_context.UnboundedChatCompletionContext";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "An unbounded chat completion context that keeps a view of the all the messages.";

    /** An empty context. */
    public UnboundedChatCompletionContext() {
        this(null);
    }

    /** A context preloaded with {@code initialMessages} ({@code null} for none). */
    public UnboundedChatCompletionContext(@Nullable List<? extends LLMMessage> initialMessages) {
        super(initialMessages);
    }

    /** A context built from its component config. */
    public static UnboundedChatCompletionContext fromConfig(UnboundedChatCompletionContextConfig config) {
        return new UnboundedChatCompletionContext(config.initialMessages());
    }

    /** Every message in the history. */
    @Override
    public List<LLMMessage> getMessages() {
        return history();
    }

    /** This context's component config. */
    public UnboundedChatCompletionContextConfig toConfig() {
        return new UnboundedChatCompletionContextConfig(initialMessagesOrNull());
    }
}
