package dev.autogen.core.model_context;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A context whose view is the last {@code bufferSize} messages. A view never starts with a
 * {@link FunctionExecutionResultMessage}: without the call it answers, the model would reject it,
 * so such a message is dropped from the front of the view (the view is then one shorter).
 *
 * <pre>{@code
 * var context = new BufferedChatCompletionContext(5);
 * }</pre>
 */
public class BufferedChatCompletionContext extends ChatCompletionContext
        implements Component<BufferedChatCompletionContextConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.model_context.BufferedChatCompletionContext";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "A buffered chat completion context that keeps a view of the last n messages,\n"
            + "    where n is the buffer size. The buffer size is set at initialization.";

    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final int bufferSize;

    /**
     * @throws IllegalArgumentException if {@code bufferSize} is not positive
     */
    public BufferedChatCompletionContext(int bufferSize) {
        this(bufferSize, null);
    }

    /**
     * @param bufferSize how many of the latest messages the view holds; positive
     * @param initialMessages messages the history starts with, or {@code null} for none
     * @throws IllegalArgumentException if {@code bufferSize} is not positive
     */
    public BufferedChatCompletionContext(int bufferSize, @Nullable List<? extends LLMMessage> initialMessages) {
        super(initialMessages);
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("buffer_size must be greater than 0, got " + bufferSize);
        }
        this.bufferSize = bufferSize;
    }

    /** How many of the latest messages the view holds. */
    public int bufferSize() {
        return bufferSize;
    }

    /** At most the last {@code bufferSize} messages, without a leading function result. */
    @Override
    public List<LLMMessage> getMessages() {
        List<LLMMessage> all = history();
        List<LLMMessage> view = all.subList(Math.max(0, all.size() - bufferSize), all.size());
        if (!view.isEmpty() && view.get(0) instanceof FunctionExecutionResultMessage) {
            view = view.subList(1, view.size());
        }
        return List.copyOf(view);
    }

    /** This context's component config. */
    @Override
    public BufferedChatCompletionContextConfig toConfig() {
        return new BufferedChatCompletionContextConfig(bufferSize, initialMessagesOrNull());
    }

    @Override
    public ComponentProvider<?, BufferedChatCompletionContextConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<BufferedChatCompletionContext, BufferedChatCompletionContextConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CHAT_COMPLETION_CONTEXT,
                    BufferedChatCompletionContext.class, BufferedChatCompletionContextConfig.class, DESCRIPTION);
        }

        @Override
        public BufferedChatCompletionContext fromConfig(BufferedChatCompletionContextConfig config, ComponentContext context) {
            return new BufferedChatCompletionContext(config.bufferSize(), config.initialMessages());
        }
    }
}
