package dev.autogen.agentchat.base;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Fires once all of its conditions have fired, in the same check or in different ones, Python's
 * {@code a & b}. Each check passes the messages only to the conditions that have not fired yet;
 * when the last of them fires, the stop message joins the contents (and the sources) of every
 * stop message collected since the last reset with {@code ", "}. Reset resets them all. Usually
 * made with {@link TerminationCondition#and}:
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.MaxMessageTermination;
 *      import dev.autogen.agentchat.conditions.TextMentionTermination; -->
 * <pre>{@code
 * // stop once the critic has approved and at least 10 messages were exchanged
 * var stop = new TextMentionTermination("APPROVE", List.of("critic")).and(new MaxMessageTermination(10));
 * }</pre>
 *
 * <p>Component provider: {@code autogen_agentchat.base.AndTerminationCondition}, config
 * {@code {"conditions": [<component>, ...]}}.
 */
public final class AndTerminationCondition implements TerminationCondition, Component<AndTerminationCondition.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.base.AndTerminationCondition";

    private static final ComponentProvider<AndTerminationCondition, Config> COMPONENT_PROVIDER = new Provider();

    private final List<TerminationCondition> conditions;
    private final List<StopMessage> stopMessages = new CopyOnWriteArrayList<>();

    /**
     * Combines conditions.
     *
     * @throws IllegalArgumentException if none are given
     */
    public AndTerminationCondition(TerminationCondition... conditions) {
        this(List.of(conditions));
    }

    /**
     * Combines conditions.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public AndTerminationCondition(List<? extends TerminationCondition> conditions) {
        this.conditions = CompositeConditions.copy("AndTerminationCondition", conditions);
    }

    /** The combined conditions, in order. */
    public List<TerminationCondition> conditions() {
        return conditions;
    }

    /** True when every condition has fired. */
    @Override
    public boolean terminated() {
        for (TerminationCondition condition : conditions) {
            if (!condition.terminated()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The exception's message ends with a period, as Python's does for this class.
     */
    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated()) {
            throw new TerminatedException("Termination condition has already been reached.");
        }
        boolean allFired = true;
        for (TerminationCondition condition : conditions) {
            if (condition.terminated()) {
                continue;
            }
            StopMessage stop = condition.check(messages);
            if (stop == null) {
                allFired = false;
            } else {
                stopMessages.add(stop);
            }
        }
        return allFired ? CompositeConditions.join(stopMessages) : null;
    }

    @Override
    public void reset() {
        conditions.forEach(TerminationCondition::reset);
        stopMessages.clear();
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException if a condition cannot be dumped (e.g. a
     *     {@code FunctionalTermination}); the message names which
     */
    @Override
    public Config toConfig() {
        return new Config(CompositeConditions.dumpAll("AndTerminationCondition", conditions));
    }

    @Override
    public String toString() {
        return "AndTerminationCondition" + conditions;
    }

    /** The config: the combined conditions as component models. */
    public record Config(@JsonProperty(required = true) List<ComponentModel> conditions) {
        public Config {
            conditions = List.copyOf(conditions);
        }
    }

    /** Loads and writes {@code autogen_agentchat.base.AndTerminationCondition} configs. */
    public static final class Provider extends AbstractComponentProvider<AndTerminationCondition, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, AndTerminationCondition.class, Config.class);
            withAliases("autogen_agentchat.base._termination.AndTerminationCondition",
                    AndTerminationCondition.class.getName());
        }

        @Override
        public AndTerminationCondition fromConfig(Config config, ComponentContext context) {
            if (config.conditions().isEmpty()) {
                throw context.invalid("conditions", "needs at least one termination condition");
            }
            return new AndTerminationCondition(context.loadAll(config.conditions(), TerminationCondition.class));
        }
    }
}
