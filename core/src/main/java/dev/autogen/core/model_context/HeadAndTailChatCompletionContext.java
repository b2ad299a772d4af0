package dev.autogen.core.model_context;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.UserMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A context whose view is the first {@code headSize} and the last {@code tailSize} messages, with
 * a placeholder {@code UserMessage("Skipped N messages.", source "System")} between them for the
 * messages left out. The head never ends with a function-call request and the tail never starts
 * with a function result, since either would lack its other half; such a message is left out of
 * the view. The placeholder's count is the size of the middle only, as in Python.
 *
 * <pre>{@code
 * var context = new HeadAndTailChatCompletionContext(1, 4);   // the task plus the latest 4
 * }</pre>
 */
public class HeadAndTailChatCompletionContext extends ChatCompletionContext
        implements Component<HeadAndTailChatCompletionContextConfig> {
    /** The provider string of this component, as Python writes it. */
    public static final String PROVIDER = "autogen_core.model_context.HeadAndTailChatCompletionContext";
    /** The description Python writes in this component's config. */
    public static final String DESCRIPTION = "A chat completion context that keeps a view of the first n and last m messages,\n"
            + "    where n is the head size and m is the tail size. The head and tail sizes\n"
            + "    are set at initialization.";

    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final int headSize;
    private final int tailSize;

    /**
     * @throws IllegalArgumentException if a size is not positive
     */
    public HeadAndTailChatCompletionContext(int headSize, int tailSize) {
        this(headSize, tailSize, null);
    }

    /**
     * @param headSize how many of the first messages the view holds; positive
     * @param tailSize how many of the latest messages the view holds; positive
     * @param initialMessages messages the history starts with, or {@code null} for none
     * @throws IllegalArgumentException if a size is not positive
     */
    public HeadAndTailChatCompletionContext(int headSize, int tailSize,
            @Nullable List<? extends LLMMessage> initialMessages) {
        super(initialMessages);
        if (headSize <= 0) {
            throw new IllegalArgumentException("head_size must be greater than 0, got " + headSize);
        }
        if (tailSize <= 0) {
            throw new IllegalArgumentException("tail_size must be greater than 0, got " + tailSize);
        }
        this.headSize = headSize;
        this.tailSize = tailSize;
    }

    /** How many of the first messages the view holds. */
    public int headSize() {
        return headSize;
    }

    /** How many of the latest messages the view holds. */
    public int tailSize() {
        return tailSize;
    }

    /** The whole history if it fits head plus tail; otherwise head, placeholder, tail. */
    @Override
    public List<LLMMessage> getMessages() {
        List<LLMMessage> all = history();
        int skipped = all.size() - headSize - tailSize;
        if (skipped <= 0) {
            return all;
        }
        List<LLMMessage> head = all.subList(0, headSize);
        if (!head.isEmpty() && isFunctionCallRequest(head.get(head.size() - 1))) {
            head = head.subList(0, head.size() - 1);
        }
        List<LLMMessage> tail = all.subList(all.size() - tailSize, all.size());
        if (!tail.isEmpty() && tail.get(0) instanceof FunctionExecutionResultMessage) {
            tail = tail.subList(1, tail.size());
        }
        List<LLMMessage> view = new ArrayList<>(head.size() + 1 + tail.size());
        view.addAll(head);
        view.add(new UserMessage("Skipped " + skipped + " messages.", "System"));
        view.addAll(tail);
        return List.copyOf(view);
    }

    /**
     * This context's component config. As in Python, {@code initial_messages} holds the current
     * history, so a dumped context reloads with the conversation so far.
     */
    @Override
    public HeadAndTailChatCompletionContextConfig toConfig() {
        return new HeadAndTailChatCompletionContextConfig(headSize, tailSize, history());
    }

    private static boolean isFunctionCallRequest(LLMMessage message) {
        return message instanceof AssistantMessage a && a.content() instanceof ModelContent.FunctionCalls;
    }

    @Override
    public ComponentProvider<?, HeadAndTailChatCompletionContextConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<HeadAndTailChatCompletionContext, HeadAndTailChatCompletionContextConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CHAT_COMPLETION_CONTEXT,
                    HeadAndTailChatCompletionContext.class, HeadAndTailChatCompletionContextConfig.class, DESCRIPTION);
        }

        @Override
        public HeadAndTailChatCompletionContext fromConfig(HeadAndTailChatCompletionContextConfig config, ComponentContext context) {
            return new HeadAndTailChatCompletionContext(config.headSize(), config.tailSize(), config.initialMessages());
        }
    }
}
