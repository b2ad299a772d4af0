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
 * Stops the run as soon as one of the given agents has produced a message (chat message or
 * event), e.g. to end after a summarizer speaks.
 *
 * <pre>{@code
 * var afterSummary = new SourceMatchTermination(List.of("summarizer"));
 * // stop reason: "'summarizer' answered"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.SourceMatchTermination}, config
 * {@code {"sources": ["summarizer"]}}.
 */
public final class SourceMatchTermination implements TerminationCondition, Component<SourceMatchTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.SourceMatchTermination";

    private static final ComponentProvider<SourceMatchTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final List<String> sources;
    private volatile boolean terminated;

    /**
     * Stops after any of {@code sources} responds.
     *
     * @throws IllegalArgumentException if {@code sources} is empty
     */
    public SourceMatchTermination(List<String> sources) {
        this.sources = Conditions.copyNames(sources, "sources");
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException("sources must name at least one agent");
        }
    }

    /**
     * Stops after any of {@code sources} responds.
     *
     * @throws IllegalArgumentException if no source is given
     */
    public SourceMatchTermination(String... sources) {
        this(List.of(sources));
    }

    /** The agent names that stop the run. */
    public List<String> sources() {
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
            if (sources.contains(message.source())) {
                terminated = true;
                return new StopMessage("'" + message.source() + "' answered", "SourceMatchTermination");
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
        return new Config(sources);
    }

    @Override
    public String toString() {
        return "SourceMatchTermination[sources=" + sources + "]";
    }

    /**
     * The config, Python's {@code SourceMatchTerminationConfig}.
     *
     * @param sources the agent names that stop the run
     */
    public record Config(@JsonProperty(required = true) List<String> sources) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.SourceMatchTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<SourceMatchTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, SourceMatchTermination.class, Config.class,
                    "Terminate the conversation after a specific source responds.");
            withAliases("autogen_agentchat.conditions._terminations.SourceMatchTermination",
                    SourceMatchTermination.class.getName());
        }

        @Override
        public SourceMatchTermination fromConfig(Config config, ComponentContext context) {
            if (config.sources().isEmpty()) {
                throw context.invalid("sources", "must name at least one agent");
            }
            return new SourceMatchTermination(config.sources());
        }
    }
}
