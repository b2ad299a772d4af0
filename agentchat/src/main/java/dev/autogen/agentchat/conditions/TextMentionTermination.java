package dev.autogen.agentchat.conditions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run when a message's text ({@link BaseMessage#toText()}, so agent events too) contains
 * {@code text}, optionally only in messages from the given sources. Case-sensitive, as in Python.
 *
 * <pre>{@code
 * var approved = new TextMentionTermination("APPROVE", List.of("critic"));
 * // stop reason: "Text 'APPROVE' mentioned"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.TextMentionTermination}, config
 * {@code {"text": "APPROVE"}}. Python's config has no {@code sources}; this one writes them when
 * set (Python ignores the field and then checks every source).
 */
public final class TextMentionTermination implements TerminationCondition, Component<TextMentionTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.TextMentionTermination";

    private static final ComponentProvider<TextMentionTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final String text;
    private final @Nullable List<String> sources;
    private volatile boolean terminated;

    /**
     * Stops when any message mentions {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is empty
     */
    public TextMentionTermination(String text) {
        this(text, null);
    }

    /**
     * Stops when a message from one of {@code sources} mentions {@code text}; {@code null} sources
     * means any source.
     *
     * @throws IllegalArgumentException if {@code text} is empty
     */
    public TextMentionTermination(String text, @Nullable List<String> sources) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty: every message would mention it");
        }
        this.text = text;
        this.sources = sources == null ? null : Conditions.copyNames(sources, "sources");
    }

    /** The text looked for. */
    public String text() {
        return text;
    }

    /** The sources whose messages are checked, or null for all. */
    public @Nullable List<String> sources() {
        return sources;
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
            if (sources != null && !sources.contains(message.source())) {
                continue;
            }
            if (message.toText().contains(text)) {
                terminated = true;
                return new StopMessage("Text '" + text + "' mentioned", "TextMentionTermination");
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
        return new Config(text, sources);
    }

    @Override
    public String toString() {
        return "TextMentionTermination[text=" + text + (sources == null ? "" : ", sources=" + sources) + "]";
    }

    /**
     * The config, Python's {@code TextMentionTerminationConfig} plus the optional sources.
     *
     * @param text the text looked for
     * @param sources the sources checked, or null (not written) for all
     */
    public record Config(@JsonProperty(required = true) String text, @Nullable List<String> sources) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.TextMentionTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<TextMentionTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, TextMentionTermination.class, Config.class,
                    "Terminate the conversation if a specific text is mentioned.");
            withAliases("autogen_agentchat.conditions._terminations.TextMentionTermination",
                    TextMentionTermination.class.getName());
        }

        @Override
        public TextMentionTermination fromConfig(Config config, ComponentContext context) {
            if (config.text().isEmpty()) {
                throw context.invalid("text", "must not be empty: every message would mention it");
            }
            return new TextMentionTermination(config.text(), config.sources());
        }
    }
}
