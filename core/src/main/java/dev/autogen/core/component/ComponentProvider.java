package dev.autogen.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The service provider interface of the component system: describes one component kind and
 * builds instances of it from a config. Register an implementation by naming it in
 * {@code META-INF/services/dev.autogen.core.component.ComponentProvider} (it needs a public no-arg
 * constructor), or add it to a {@link ComponentRegistry.Builder} in code.
 *
 * <p>The {@link #provider()} string is the Python provider path (e.g.
 * {@code autogen_agentchat.teams.RoundRobinGroupChat}), so configs written by Python AutoGen load in
 * Java and the reverse. It is a stable constant, never a Java class name.
 *
 * <p>Most providers extend {@link AbstractComponentProvider}, which takes the descriptive facts
 * (provider string, component type, classes, description, ...) in its constructor and leaves only
 * {@link #fromConfig} to write; implement this interface directly when they are not fixed per class.
 *
 * <p>A config that contains other components holds them as {@link ComponentModel} fields and
 * loads them through {@link ComponentContext#load}, which keeps track of the JSON path for error
 * messages.
 *
 * <p>Implementations must be stateless and thread-safe.
 *
 * @param <T> the component class built
 * @param <C> the config record, bound from the {@code config} object with
 *     {@link AutogenJson#mapper()} (snake_case names); mark required fields with
 *     {@code @JsonProperty(required = true)} so that a missing one is reported by name
 */
public interface ComponentProvider<T extends Component<C>, C> {
    /**
     * The canonical provider string written on dump, e.g.
     * {@code autogen_ext.models.openai.OpenAIChatCompletionClient}.
     */
    String provider();

    /**
     * Other strings that name this provider on load: former module paths, short names, Python's
     * well-known aliases. The last segment of {@link #provider()} (e.g. {@code RoundRobinGroupChat})
     * is added by the registry when no other provider shares it.
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Whether this provider only stands in for one that lives in a module not on the class path, to
     * explain precisely why its components cannot be loaded (as core's {@code FunctionTool} provider
     * does for Python source until {@code autogen-ext-python-tools} is added). A registry replaces a
     * stand-in by any other provider of the same provider string. By default, no.
     */
    default boolean isStandIn() {
        return false;
    }

    /** The logical type written as {@code component_type}, one of {@link ComponentTypes} or any other. */
    String componentType();

    /**
     * The current version of the config schema, written as {@code component_version} (and as
     * {@code version}, as Python does). Raise it when the config changes incompatibly and implement
     * {@link #upgradeConfig}.
     */
    default int componentVersion() {
        return 1;
    }

    /** The description written on dump, or {@code null} to write none. */
    default @Nullable String description() {
        return null;
    }

    /** The label written on dump; by default the last segment of {@link #provider()}, as in Python. */
    default String label() {
        String provider = provider();
        return provider.substring(provider.lastIndexOf('.') + 1);
    }

    /**
     * The class (or interface) of every instance {@link #fromConfig} returns; used to reject, before
     * anything is built, a config whose provider cannot produce the type the caller expects.
     */
    Class<?> componentClass();

    /** The config record class the {@code config} object is bound to. */
    Class<C> configClass();

    /**
     * Builds a component from its config. Nested components are loaded with
     * {@code context.load(config.modelClient(), ChatCompletionClient.class)}.
     *
     * @throws ComponentLoadException for a nested component that cannot be loaded (from the context)
     * @throws IllegalArgumentException if the config is invalid; the message is reported at this
     *     component's path
     */
    T fromConfig(C config, ComponentContext context);

    /**
     * The config of an existing component; by default {@link Component#toConfig()}.
     *
     * @throws UnsupportedOperationException if the component has no config form
     */
    default C toConfig(T component) {
        return component.toConfig();
    }

    /**
     * Converts a config written for an older {@code component_version} into the current schema;
     * the counterpart of Python's {@code _from_config_past_version}. Called only when the loaded
     * {@code component_version} is lower than {@link #componentVersion()}.
     *
     * @param config a copy of the old config, free to modify and return
     * @param fromVersion the {@code component_version} the config was written with
     * @return the config in the current schema
     * @throws UnsupportedOperationException if configs of that version cannot be upgraded (the
     *     default)
     * @throws IllegalArgumentException if the old config is invalid
     */
    default ObjectNode upgradeConfig(ObjectNode config, int fromVersion) {
        throw new UnsupportedOperationException("component '" + provider() + "' is at component_version "
                + componentVersion() + " and cannot load configs written for component_version " + fromVersion);
    }

    /** The model of a component: this provider's description of it plus its config. */
    default ComponentModel dump(T component) {
        return toModel(toConfig(component));
    }

    /**
     * The model for a config of this provider: canonical provider string, component type, versions,
     * description and label, and the config as JSON without null fields (as Python's
     * {@code model_dump(exclude_none=True)}).
     */
    default ComponentModel toModel(C config) {
        JsonNode tree = ComponentJson.stripNulls(AutogenJson.mapper().valueToTree(config));
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalStateException("config of '" + provider() + "' must be written as a JSON object but "
                    + configClass().getSimpleName() + " is written as " + ComponentJson.describe(tree));
        }
        return new ComponentModel(provider(), componentType(), componentVersion(), componentVersion(),
                description(), label(), object);
    }
}
