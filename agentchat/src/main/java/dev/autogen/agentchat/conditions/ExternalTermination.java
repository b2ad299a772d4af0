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
 * Stops the run when the application asks, e.g. from a UI's Stop button: {@link #set()} may be
 * called from any thread at any time, and the run stops at the next check, after the agent that
 * is speaking has finished its response (so the team's state stays consistent, unlike cancelling).
 *
 * <!-- java-context: import dev.autogen.agentchat.base.ChatAgent;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat; List<ChatAgent> agents;
 *      interface Button { void onClick(Runnable action); } Button stopButton; -->
 * <pre>{@code
 * var stop = new ExternalTermination();
 * var team = RoundRobinGroupChat.builder(agents).terminationCondition(stop.or(new MaxMessageTermination(20))).build();
 * Thread.ofVirtual().start(() -> team.run("Write a story"));
 * stopButton.onClick(stop::set);
 * // stop reason: "External termination requested"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.ExternalTermination}, config {@code {}}.
 */
public final class ExternalTermination implements TerminationCondition, Component<ExternalTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.ExternalTermination";

    private static final ComponentProvider<ExternalTermination, Config> COMPONENT_PROVIDER = new Provider();

    private volatile boolean requested;
    private volatile boolean terminated;

    /** Asks the run to stop at the next check; safe from any thread. A reset clears the request. */
    public void set() {
        requested = true;
    }

    /** Whether {@link #set()} was called since the last reset. */
    public boolean isSet() {
        return requested;
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
        if (requested) {
            terminated = true;
            return new StopMessage("External termination requested", "ExternalTermination");
        }
        return null;
    }

    /** Clears the fired state and any pending request. */
    @Override
    public void reset() {
        terminated = false;
        requested = false;
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
        return "ExternalTermination[set=" + requested + "]";
    }

    /** The config, Python's {@code ExternalTerminationConfig}: no fields. */
    public record Config() {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.ExternalTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<ExternalTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            // Python takes the class docstring's first paragraph as it is, line break and indent included.
            super(PROVIDER, ComponentTypes.TERMINATION, ExternalTermination.class, Config.class,
                    "A termination condition that is externally controlled\n    by calling the :meth:`set` method.");
            withAliases("autogen_agentchat.conditions._terminations.ExternalTermination",
                    ExternalTermination.class.getName());
        }

        @Override
        public ExternalTermination fromConfig(Config config, ComponentContext context) {
            return new ExternalTermination();
        }
    }
}
