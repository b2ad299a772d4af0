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
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fires when any of its conditions fires, Python's {@code a | b}. Every check passes the messages
 * to all conditions; the stop message joins the contents (and the sources) of those that fired
 * with {@code ", "}. Reset resets them all. Usually made with {@link TerminationCondition#or}:
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.MaxMessageTermination;
 *      import dev.autogen.agentchat.conditions.TextMentionTermination; -->
 * <pre>{@code
 * var stop = new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(10));
 * }</pre>
 *
 * <p>Chains nest as in Python: {@code a.or(b).or(c)} is {@code Or(Or(a, b), c)} and is dumped so.
 * Component provider: {@code autogen_agentchat.base.OrTerminationCondition}, config
 * {@code {"conditions": [<component>, ...]}}.
 */
public final class OrTerminationCondition implements TerminationCondition, Component<OrTerminationCondition.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.base.OrTerminationCondition";

    private static final ComponentProvider<OrTerminationCondition, Config> COMPONENT_PROVIDER = new Provider();

    private final List<TerminationCondition> conditions;

    /**
     * Combines conditions.
     *
     * @throws IllegalArgumentException if none are given
     */
    public OrTerminationCondition(TerminationCondition... conditions) {
        this(List.of(conditions));
    }

    /**
     * Combines conditions.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public OrTerminationCondition(List<? extends TerminationCondition> conditions) {
        this.conditions = CompositeConditions.copy("OrTerminationCondition", conditions);
    }

    /** The combined conditions, in order. */
    public List<TerminationCondition> conditions() {
        return conditions;
    }

    /** True when any condition has fired. */
    @Override
    public boolean terminated() {
        for (TerminationCondition condition : conditions) {
            if (condition.terminated()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated()) {
            throw new TerminatedException("Termination condition has already been reached");
        }
        List<StopMessage> fired = new ArrayList<>();
        for (TerminationCondition condition : conditions) {
            StopMessage stop = condition.check(messages);
            if (stop != null) {
                fired.add(stop);
            }
        }
        return fired.isEmpty() ? null : CompositeConditions.join(fired);
    }

    @Override
    public void reset() {
        conditions.forEach(TerminationCondition::reset);
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
        return new Config(CompositeConditions.dumpAll("OrTerminationCondition", conditions));
    }

    @Override
    public String toString() {
        return "OrTerminationCondition" + conditions;
    }

    /** The config: the combined conditions as component models. */
    public record Config(@JsonProperty(required = true) List<ComponentModel> conditions) {
        public Config {
            conditions = List.copyOf(conditions);
        }
    }

    /** Loads and writes {@code autogen_agentchat.base.OrTerminationCondition} configs. */
    public static final class Provider extends AbstractComponentProvider<OrTerminationCondition, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, OrTerminationCondition.class, Config.class);
            withAliases("autogen_agentchat.base._termination.OrTerminationCondition",
                    OrTerminationCondition.class.getName());
        }

        @Override
        public OrTerminationCondition fromConfig(Config config, ComponentContext context) {
            if (config.conditions().isEmpty()) {
                throw context.invalid("conditions", "needs at least one termination condition");
            }
            return new OrTerminationCondition(context.loadAll(config.conditions(), TerminationCondition.class));
        }
    }
}
