package dev.autogen.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Loads components from their JSON or {@link ComponentModel}, the counterpart of Python's
 * {@code ComponentLoader.load_component}. Providers are resolved through a
 * {@link ComponentRegistry} only; a class named in JSON is never loaded.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; import java.nio.file.Path;
 *      import java.nio.file.Files; Path path; String json; ComponentRegistry registry; -->
 * <pre>{@code
 * Team team = ComponentLoader.loadComponent(Files.readString(path), Team.class);
 *
 * List<ComponentProblem> problems = ComponentLoader.using(registry).validate(json, Team.class);
 * problems.forEach(p -> System.err.println(p));   // team.config.participants[1].config.model_client: unknown provider 'foo'
 * }</pre>
 *
 * <p>A component that would start processes on this machine (run code, start an MCP server) is
 * built only when the loader's {@link ConsentPolicy} allows it ({@link #withConsent}); by default it is
 * refused. Errors name the JSON path of what is wrong. The root of the path is the root component's
 * {@code component_type} (e.g. {@code team}), {@code component} when it has none, or what
 * {@link #withRootPath} sets. A loader is immutable and thread-safe.
 */
public final class ComponentLoader {
    private final @Nullable ComponentRegistry registry;
    private final @Nullable String rootPath;
    private final ConsentPolicy consent;
    private final Map<Class<?>, Object> attributes;

    private ComponentLoader(@Nullable ComponentRegistry registry, @Nullable String rootPath, ConsentPolicy consent,
            Map<Class<?>, Object> attributes) {
        this.registry = registry;
        this.rootPath = rootPath;
        this.consent = consent;
        this.attributes = attributes;
    }

    /**
     * A loader over {@link ComponentRegistry#defaultRegistry()} that refuses components which start
     * processes ({@link ConsentPolicy#denyAll()}).
     */
    public static ComponentLoader defaultLoader() {
        return new ComponentLoader(null, null, ConsentPolicy.denyAll(), Map.of());
    }

    /** A loader over the given registry that refuses components which start processes. */
    public static ComponentLoader using(ComponentRegistry registry) {
        return new ComponentLoader(Objects.requireNonNull(registry, "registry"), null, ConsentPolicy.denyAll(), Map.of());
    }

    /**
     * Loads a component from its JSON with the default registry.
     *
     * @throws ComponentLoadException if the JSON is not a loadable {@code expected}; the problems
     *     carry JSON paths
     */
    public static <T> T loadComponent(String json, Class<T> expected) {
        return defaultLoader().load(json, expected);
    }

    /**
     * Loads a component from its model with the default registry.
     *
     * @throws ComponentLoadException if the model is not a loadable {@code expected}
     */
    public static <T> T loadComponent(ComponentModel model, Class<T> expected) {
        return defaultLoader().load(model, expected);
    }

    /** This loader with errors located under {@code rootPath}, e.g. {@code gallery.components.teams[0]}. */
    public ComponentLoader withRootPath(String rootPath) {
        Objects.requireNonNull(rootPath, "rootPath");
        return new ComponentLoader(registry, rootPath, consent, attributes);
    }

    /**
     * This loader with another {@link ConsentPolicy} for components that start processes on this
     * machine (code executors, code execution tools, MCP servers over stdio). By default they are
     * refused, naming their JSON path; {@code withConsent(ConsentPolicy.allowAll())} loads a config
     * you trust.
     */
    public ComponentLoader withConsent(ConsentPolicy consent) {
        return new ComponentLoader(registry, rootPath, Objects.requireNonNull(consent, "consent"), attributes);
    }

    /**
     * This loader with a value that every component's provider, nested ones included, reads with
     * {@link ComponentContext#attribute}: how an application gives all components of a kind something
     * no config can say, e.g. the input function of every {@code UserProxyAgent} of a team a web page
     * drives.
     */
    public <T> ComponentLoader withAttribute(Class<T> key, T value) {
        Map<Class<?>, Object> all = new HashMap<>(attributes);
        all.put(Objects.requireNonNull(key, "key"), key.cast(Objects.requireNonNull(value, "value")));
        return new ComponentLoader(registry, rootPath, consent, Map.copyOf(all));
    }

    /** The policy for components that start processes. */
    public ConsentPolicy consent() {
        return consent;
    }

    /** The registry this loader resolves providers from. */
    public ComponentRegistry registry() {
        return registry != null ? registry : ComponentRegistry.defaultRegistry();
    }

    /**
     * Loads a component from its JSON text.
     *
     * @throws ComponentLoadException if the JSON is malformed or not a loadable {@code expected}
     */
    public <T> T load(String json, Class<T> expected) {
        Objects.requireNonNull(json, "json");
        JsonNode node = ComponentJson.parse(json, rootPath != null ? rootPath : "component");
        return load(node, expected);
    }

    /**
     * Loads a component from a JSON tree.
     *
     * @throws ComponentLoadException if the tree is not a loadable {@code expected}
     */
    public <T> T load(JsonNode json, Class<T> expected) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expected, "expected");
        String path = rootPath != null ? rootPath : ComponentJson.rootPath(json);
        return new LoadSession(registry(), consent, attributes).load(ComponentJson.envelope(json, path), expected, path);
    }

    /**
     * Loads a component from its model.
     *
     * @throws ComponentLoadException if the model is not a loadable {@code expected}
     */
    public <T> T load(ComponentModel model, Class<T> expected) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(expected, "expected");
        String path = rootPath != null ? rootPath : model.componentType() != null ? model.componentType() : "component";
        return new LoadSession(registry(), consent, attributes).load(model, expected, path);
    }

    /**
     * Reports every problem in a component's JSON instead of stopping at the first: malformed
     * fields, unknown providers, component types that do not match, configs that do not bind, in
     * the root and all nested components. When none is found, the component is built once (and
     * closed, if {@link AutoCloseable}) to report what only the providers check.
     *
     * @return the problems, each with its JSON path; empty when the component loads
     */
    public List<ComponentProblem> validate(String json, Class<?> expected) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = ComponentJson.parse(json, rootPath != null ? rootPath : "component");
        } catch (ComponentLoadException e) {
            return e.problems();
        }
        return validate(node, expected);
    }

    /**
     * Reports every problem in a component's JSON tree; see {@link #validate(String, Class)}.
     *
     * @return the problems, each with its JSON path; empty when the component loads
     */
    public List<ComponentProblem> validate(JsonNode json, Class<?> expected) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expected, "expected");
        String path = rootPath != null ? rootPath : ComponentJson.rootPath(json);
        return new LoadSession(registry(), consent, attributes).validate(json, expected, path);
    }
}
