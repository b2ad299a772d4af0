package dev.autogen.agentchat.conditions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run when an agent hands off to {@code target} (a {@link HandoffMessage} with that
 * target), typically {@code "user"} so that a person answers before the team goes on.
 *
 * <pre>{@code
 * var toUser = new HandoffTermination("user");
 * // stop reason: "Handoff to user from lazy_assistant detected."
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.HandoffTermination}, config
 * {@code {"target": "user"}}.
 */
public final class HandoffTermination implements TerminationCondition, Component<HandoffTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.HandoffTermination";

    private static final ComponentProvider<HandoffTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final String target;
    private volatile boolean terminated;

    /**
     * Stops on a handoff to {@code target}.
     *
     * @throws IllegalArgumentException if {@code target} is blank
     */
    public HandoffTermination(String target) {
        this.target = Conditions.requireNonBlank(target, "target");
    }

    /** The handoff target that stops the run. */
    public String target() {
        return target;
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
            if (message instanceof HandoffMessage handoff && handoff.target().equals(target)) {
                terminated = true;
                return new StopMessage("Handoff to " + target + " from " + handoff.source() + " detected.",
                        "HandoffTermination");
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
        return new Config(target);
    }

    @Override
    public String toString() {
        return "HandoffTermination[target=" + target + "]";
    }

    /**
     * The config, Python's {@code HandoffTerminationConfig}.
     *
     * @param target the handoff target that stops the run
     */
    public record Config(@JsonProperty(required = true) String target) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.HandoffTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<HandoffTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            // Python takes the class docstring's first paragraph as it is, line break and indent included.
            super(PROVIDER, ComponentTypes.TERMINATION, HandoffTermination.class, Config.class,
                    "Terminate the conversation if a :class:`~autogen_agentchat.messages.HandoffMessage`\n"
                            + "    with the given target is received.");
            withAliases("autogen_agentchat.conditions._terminations.HandoffTermination",
                    HandoffTermination.class.getName());
        }

        @Override
        public HandoffTermination fromConfig(Config config, ComponentContext context) {
            if (config.target().isBlank()) {
                throw context.invalid("target", "must not be blank");
            }
            return new HandoffTermination(config.target());
        }
    }
}
