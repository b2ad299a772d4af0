package dev.autogen.agentchat.conditions;

import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run when a {@link TextMessage} arrives, from any agent or only from {@code source}.
 * With an agent that loops over tool calls, this stops the team once the agent answers in text.
 *
 * <pre>{@code
 * var onAnswer = new TextMessageTermination("assistant");
 * // stop reason: "Text message received from 'assistant'"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.TextMessageTermination}, config
 * {@code {"source": "assistant"}} ({@code {}} for any source).
 */
public final class TextMessageTermination implements TerminationCondition, Component<TextMessageTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.TextMessageTermination";

    private static final ComponentProvider<TextMessageTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final @Nullable String source;
    private volatile boolean terminated;

    /** Stops on a text message from any source. */
    public TextMessageTermination() {
        this(null);
    }

    /** Stops on a text message from {@code source}, or from any source when null. */
    public TextMessageTermination(@Nullable String source) {
        this.source = source;
    }

    /** The source that stops the run, or null for any. */
    public @Nullable String source() {
        return source;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated) {
            throw Conditions.alreadyReached();
        }
        for (BaseMessage message : messages) {
            if (message instanceof TextMessage text && (source == null || source.equals(text.source()))) {
                terminated = true;
                return new StopMessage("Text message received from '" + text.source() + "'", "TextMessageTermination");
            }
        }
        return null;
    }

    @Override
    public void reset() {
        terminated = false;
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public Config toConfig() {
        return new Config(source);
    }

    @Override
    public String toString() {
        return "TextMessageTermination[source=" + source + "]";
    }

    /**
     * The config, Python's {@code TextMessageTerminationConfig}.
     *
     * @param source the source that stops the run, or null (not written) for any
     */
    public record Config(@Nullable String source) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.TextMessageTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<TextMessageTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, TextMessageTermination.class, Config.class,
                    "Terminate the conversation if a :class:`~autogen_agentchat.messages.TextMessage` is received.");
            withAliases("autogen_agentchat.conditions._terminations.TextMessageTermination",
                    TextMessageTermination.class.getName());
        }

        @Override
        public TextMessageTermination fromConfig(Config config, ComponentContext context) {
            return new TextMessageTermination(config.source());
        }
    }
}
