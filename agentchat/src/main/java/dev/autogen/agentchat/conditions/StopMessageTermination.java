package dev.autogen.agentchat.conditions;

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
 * Stops the run when an agent sends a {@link StopMessage}.
 *
 * <pre>{@code
 * var onStop = new StopMessageTermination();
 * // stop reason: "Stop message received"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.StopMessageTermination}, config {@code {}}.
 */
public final class StopMessageTermination implements TerminationCondition, Component<StopMessageTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.StopMessageTermination";

    private static final ComponentProvider<StopMessageTermination, Config> COMPONENT_PROVIDER = new Provider();

    private volatile boolean terminated;

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
            if (message instanceof StopMessage) {
                terminated = true;
                return new StopMessage("Stop message received", "StopMessageTermination");
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
        return new Config();
    }

    @Override
    public String toString() {
        return "StopMessageTermination";
    }

    /** The config, Python's {@code StopMessageTerminationConfig}: no fields. */
    public record Config() {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.StopMessageTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<StopMessageTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, StopMessageTermination.class, Config.class,
                    "Terminate the conversation if a StopMessage is received.");
            withAliases("autogen_agentchat.conditions._terminations.StopMessageTermination",
                    StopMessageTermination.class.getName());
        }

        @Override
        public StopMessageTermination fromConfig(Config config, ComponentContext context) {
            return new StopMessageTermination();
        }
    }
}
