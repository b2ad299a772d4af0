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
import dev.autogen.core.utils.PythonText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run at the first agent response after {@code timeoutSeconds} have passed since the
 * condition was made or last reset (teams reset it after each run, so the clock restarts for the
 * next run). It never interrupts an agent: the current response finishes first. Time is measured
 * with a monotonic clock, {@link System#nanoTime()} unless another is given.
 *
 * <pre>{@code
 * var fiveMinutes = new TimeoutTermination(300);
 * // stop reason: "Timeout of 300.0 seconds reached"
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.TimeoutTermination}, config
 * {@code {"timeout_seconds": 300.0}}.
 */
public final class TimeoutTermination implements TerminationCondition, Component<TimeoutTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.TimeoutTermination";

    private static final ComponentProvider<TimeoutTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final double timeoutSeconds;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private volatile long startNanos;
    private volatile boolean terminated;

    /**
     * Stops after {@code timeoutSeconds}.
     *
     * @throws IllegalArgumentException if {@code timeoutSeconds} is not a positive finite number
     */
    public TimeoutTermination(double timeoutSeconds) {
        this(timeoutSeconds, System::nanoTime);
    }

    /**
     * Stops after {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public TimeoutTermination(Duration timeout) {
        this(seconds(timeout), System::nanoTime);
    }

    /**
     * Stops after {@code timeoutSeconds} as measured by {@code nanoClock}, a monotonic clock in
     * nanoseconds like {@link System#nanoTime()}; tests pass one they move by hand.
     *
     * @throws IllegalArgumentException if {@code timeoutSeconds} is not a positive finite number
     */
    public TimeoutTermination(double timeoutSeconds, LongSupplier nanoClock) {
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException("timeout_seconds must be a positive number of seconds, got "
                    + timeoutSeconds);
        }
        this.timeoutSeconds = timeoutSeconds;
        this.timeoutNanos = (long) Math.min(Long.MAX_VALUE, Math.ceil(timeoutSeconds * 1e9));
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.startNanos = nanoClock.getAsLong();
    }

    /** The timeout in seconds. */
    public double timeoutSeconds() {
        return timeoutSeconds;
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
        if (nanoClock.getAsLong() - startNanos >= timeoutNanos) {
            terminated = true;
            return new StopMessage("Timeout of " + PythonText.floatRepr(timeoutSeconds) + " seconds reached",
                    "TimeoutTermination");
        }
        return null;
    }

    /** Clears the fired state and restarts the clock. */
    @Override
    public void reset() {
        startNanos = nanoClock.getAsLong();
        terminated = false;
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public Config toConfig() {
        return new Config(timeoutSeconds);
    }

    @Override
    public String toString() {
        return "TimeoutTermination[timeoutSeconds=" + timeoutSeconds + "]";
    }

    private static double seconds(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return timeout.getSeconds() + timeout.getNano() / 1e9;
    }

    /**
     * The config, Python's {@code TimeoutTerminationConfig}.
     *
     * @param timeoutSeconds the timeout in seconds (a float in Python)
     */
    public record Config(@JsonProperty(required = true) double timeoutSeconds) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.TimeoutTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<TimeoutTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TERMINATION, TimeoutTermination.class, Config.class,
                    "Terminate the conversation after a specified duration has passed.");
            withAliases("autogen_agentchat.conditions._terminations.TimeoutTermination",
                    TimeoutTermination.class.getName());
        }

        @Override
        public TimeoutTermination fromConfig(Config config, ComponentContext context) {
            if (!(config.timeoutSeconds() > 0) || Double.isInfinite(config.timeoutSeconds())) {
                throw context.invalid("timeout_seconds", "must be a positive number of seconds, got "
                        + config.timeoutSeconds());
            }
            return new TimeoutTermination(config.timeoutSeconds());
        }
    }
}
