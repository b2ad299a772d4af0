package dev.autogen.core.component;

/**
 * A concrete component class with configuration record {@code C}, the counterpart of Python's
 * {@code Component[ConfigT]}. It names its {@link ComponentProvider} (which says how the class is
 * known to Python AutoGen and how to build it from a config) and reports its current config;
 * {@link #dumpComponent()} combines the two.
 *
 * <!-- java-context: import com.fasterxml.jackson.annotation.JsonProperty; -->
 * <pre>{@code
 * public record Greeter(String greeting) implements Component<Greeter.Config> {
 *     public record Config(@JsonProperty(required = true) String greeting) {}
 *     public static final ComponentProvider<Greeter, Config> PROVIDER = new Provider();
 *
 *     public ComponentProvider<?, Config> componentProvider() { return PROVIDER; }
 *     public Config toConfig() { return new Config(greeting); }
 *
 *     public static final class Provider extends AbstractComponentProvider<Greeter, Config> {
 *         public Provider() { super("my_app.Greeter", "greeter", Greeter.class, Config.class, "Says hello."); }
 *
 *         public Greeter fromConfig(Config config, ComponentContext context) {
 *             return new Greeter(config.greeting());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param <C> the config record; its JSON form is the {@code config} object of the component model
 */
public interface Component<C> extends ComponentBase {
    /** The provider of this class; usually a constant shared by all instances. */
    ComponentProvider<?, C> componentProvider();

    /**
     * The config that would re-create a component like this one. Nested components appear as
     * {@link ComponentModel}s obtained from their own {@link #dumpComponent()}.
     *
     * @throws UnsupportedOperationException if this instance holds settings that have no config
     *     form (for example a Java lambda); the message names them
     */
    C toConfig();

    @Override
    default ComponentModel dumpComponent() {
        return componentProvider().toModel(toConfig());
    }
}
