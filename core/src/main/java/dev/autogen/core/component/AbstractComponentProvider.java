package dev.autogen.core.component;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The usual base of a {@link ComponentProvider}: the facts that describe a component kind are given
 * once to the constructor, so a provider is a constructor plus {@link #fromConfig}. Optional facts
 * (aliases, a raised component version, a label other than the last segment of the provider
 * string) are set with the {@code with...} methods, from the subclass constructor only (so the
 * provider is effectively immutable once built; declare subclasses {@code final}).
 * {@link #toConfig} and {@link #upgradeConfig} keep the interface's defaults and may be overridden.
 *
 * <!-- java-context: import dev.autogen.agentchat.conditions.MaxMessageTermination;
 *      import dev.autogen.agentchat.conditions.MaxMessageTermination.Config; -->
 * <pre>{@code
 * public static final class Provider extends AbstractComponentProvider<MaxMessageTermination, Config> {
 *     public Provider() {
 *         super("autogen_agentchat.conditions.MaxMessageTermination", ComponentTypes.TERMINATION,
 *                 MaxMessageTermination.class, Config.class,
 *                 "Terminate the conversation after a maximum number of messages have been exchanged.");
 *         withComponentVersion(2);
 *         withAliases("autogen_agentchat.conditions._terminations.MaxMessageTermination");
 *     }
 *
 *     @Override
 *     public MaxMessageTermination fromConfig(Config config, ComponentContext context) {
 *         return new MaxMessageTermination(config.maxMessages(), config.includeAgentEvent());
 *     }
 * }
 * }</pre>
 *
 * <p>The provider string is not checked here for blanks: {@link ComponentRegistry} rejects a blank
 * one, naming the provider class, whatever the provider's base.
 *
 * @param <T> the component class built
 * @param <C> the config record
 */
public abstract class AbstractComponentProvider<T extends Component<C>, C> implements ComponentProvider<T, C> {
    private final String provider;
    private final String componentType;
    private final Class<?> componentClass;
    private final Class<C> configClass;
    private final @Nullable String description;
    private Set<String> aliases = Set.of();
    private int componentVersion = 1;
    private String label;

    /**
     * A provider with a description, written on dump.
     *
     * @param provider the canonical (Python) provider string
     * @param componentType the {@code component_type}, one of {@link ComponentTypes} or any other
     * @param componentClass the class (or interface) of every instance {@link #fromConfig} returns
     * @param configClass the config record class
     * @param description the description written on dump, or {@code null} for none
     */
    protected AbstractComponentProvider(String provider, String componentType, Class<?> componentClass,
            Class<C> configClass, @Nullable String description) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.componentType = Objects.requireNonNull(componentType, "componentType");
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.configClass = Objects.requireNonNull(configClass, "configClass");
        this.description = description;
        this.label = provider.substring(provider.lastIndexOf('.') + 1);
    }

    /** A provider without a description. */
    protected AbstractComponentProvider(String provider, String componentType, Class<?> componentClass,
            Class<C> configClass) {
        this(provider, componentType, componentClass, configClass, null);
    }

    /** Sets the other names this provider is found by on load (see {@link ComponentProvider#aliases()}). */
    protected final AbstractComponentProvider<T, C> withAliases(String... aliases) {
        this.aliases = Set.of(aliases);
        return this;
    }

    /**
     * Sets the current config schema version (1 unless set); when raising it, override
     * {@link #upgradeConfig} to read configs of the older versions.
     *
     * @throws IllegalArgumentException if {@code componentVersion} is below 1
     */
    protected final AbstractComponentProvider<T, C> withComponentVersion(int componentVersion) {
        if (componentVersion < 1) {
            throw new IllegalArgumentException("component version of '" + provider + "' must be at least 1, got "
                    + componentVersion);
        }
        this.componentVersion = componentVersion;
        return this;
    }

    /** Sets the label written on dump, when it is not the last segment of the provider string. */
    protected final AbstractComponentProvider<T, C> withLabel(String label) {
        this.label = Objects.requireNonNull(label, "label");
        return this;
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final Set<String> aliases() {
        return aliases;
    }

    @Override
    public final String componentType() {
        return componentType;
    }

    @Override
    public final int componentVersion() {
        return componentVersion;
    }

    @Override
    public final @Nullable String description() {
        return description;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final Class<?> componentClass() {
        return componentClass;
    }

    @Override
    public final Class<C> configClass() {
        return configClass;
    }
}
