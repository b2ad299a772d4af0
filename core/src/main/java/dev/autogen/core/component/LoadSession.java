package dev.autogen.core.component;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load (or validation) of a component tree: resolves providers, checks types and versions,
 * binds configs and builds instances, locating every problem by its JSON path.
 */
final class LoadSession {
    static final String SESSION = LoadSession.class.getName() + ".session";
    static final String BASE_PATH = LoadSession.class.getName() + ".basePath";

    private static final Logger LOG = LoggerFactory.getLogger(LoadSession.class);

    private final ComponentRegistry registry;
    private final ConsentPolicy consent;
    private final Map<Class<?>, Object> attributes;
    private @Nullable String rootPath;
    private final Map<ComponentModel, String> paths = new IdentityHashMap<>();
    private final List<ComponentModel> lastBound = new ArrayList<>();

    LoadSession(ComponentRegistry registry, ConsentPolicy consent, Map<Class<?>, Object> attributes) {
        this.registry = registry;
        this.consent = consent;
        this.attributes = attributes;
    }

    /** A value the loader gave for every component. */
    <T> Optional<T> attribute(Class<T> key) {
        return Optional.ofNullable(key.cast(attributes.get(key)));
    }

    /** Whether {@code path} is that of the component the load began with. */
    boolean isRoot(String path) {
        return path.equals(rootPath);
    }

    ComponentRegistry registry() {
        return registry;
    }

    ConsentPolicy consent() {
        return consent;
    }

    void record(ComponentModel model, String path) {
        paths.put(model, path);
        lastBound.add(model);
    }

    @Nullable String pathOf(ComponentModel model) {
        return paths.get(model);
    }

    /** Loads a component, failing with every problem found at the first step that has any. */
    <T> T load(ComponentModel model, Class<T> expected, String path) {
        if (rootPath == null) {
            rootPath = path;
        }
        List<ComponentProblem> problems = new ArrayList<>();
        ComponentProvider<?, ?> provider = resolve(model, expected, path, problems);
        failOn(problems);
        ObjectNode config = currentConfig(provider, model, path, problems);
        failOn(problems);
        Object boundConfig = bind(provider, config, path + ".config", problems);
        failOn(problems);
        Object instance = create(provider, boundConfig, path, model);
        if (!expected.isInstance(instance)) {
            throw new ComponentLoadException(path, "expected " + article(expected) + " but provider '" + provider.provider()
                    + "' made " + article(instance.getClass()));
        }
        return expected.cast(instance);
    }

    /**
     * Checks a component tree without building it, collecting every problem: malformed envelopes,
     * unknown providers, type and version mismatches, config binding errors, in all nested
     * components. Then, if none were found, builds it once to catch what only the providers check.
     */
    List<ComponentProblem> validate(JsonNode root, Class<?> expected, String path) {
        List<ComponentProblem> problems = new ArrayList<>();
        ComponentModel model = ComponentJson.envelope(root, path, problems);
        if (model == null) {
            scan(root.path("config"), path + ".config", problems);
        } else {
            validate(model, expected, path, problems);
        }
        if (problems.isEmpty() && model != null) {
            try {
                Object instance = new LoadSession(registry, consent, attributes).load(model, expected, path);
                if (instance instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (ComponentLoadException e) {
                problems.addAll(e.problems());
            } catch (Exception e) {
                LOG.debug("closing the component built for validation failed", e);
            }
        }
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private void validate(ComponentModel model, @Nullable Class<?> expected, String path, List<ComponentProblem> problems) {
        int before = problems.size();
        ComponentProvider<?, ?> provider = resolve(model, expected, path, problems);
        if (provider == null) {
            scan(model.config(), path + ".config", problems);
            return;
        }
        ObjectNode config = currentConfig(provider, model, path, problems);
        if (config == null) {
            return;
        }
        Object bound = bind(provider, config, path + ".config", problems);
        if (bound == null || problems.size() > before) {
            scan(config, path + ".config", problems);
            return;
        }
        for (ComponentModel nested : List.copyOf(lastBound)) {
            validate(nested, null, pathOf(nested) == null ? path + ".config" : pathOf(nested), problems);
        }
    }

    /** Validates every object that looks like a component ({@code provider} and {@code config}) under a node. */
    private void scan(JsonNode node, String path, List<ComponentProblem> problems) {
        if (node.isObject()) {
            if (node.path("provider").isTextual() && node.has("config")) {
                ComponentModel model = ComponentJson.envelope(node, path, problems);
                if (model != null) {
                    validate(model, null, path, problems);
                }
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                scan(e.getValue(), path + "." + e.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private @Nullable ComponentProvider<?, ?> resolve(ComponentModel model, @Nullable Class<?> expected, String path,
            List<ComponentProblem> problems) {
        ComponentProvider<?, ?> provider = registry.find(model.provider()).orElse(null);
        if (provider == null) {
            String type = model.componentType() != null ? model.componentType() : componentTypeOf(expected);
            problems.add(new ComponentProblem(path, registry.unknownProviderMessage(model.provider(), type)));
            return null;
        }
        if (model.componentType() != null && !model.componentType().equals(provider.componentType())) {
            problems.add(new ComponentProblem(path + ".component_type", "'" + model.componentType()
                    + "' does not match provider '" + provider.provider() + "', which makes '"
                    + provider.componentType() + "' components"));
        }
        Class<?> made = provider.componentClass();
        if (expected != null && !expected.isAssignableFrom(made) && !made.isAssignableFrom(expected)) {
            problems.add(new ComponentProblem(path, "expected " + article(expected) + " but provider '"
                    + provider.provider() + "' makes '" + provider.componentType() + "' components ("
                    + made.getSimpleName() + ")"));
        }
        return provider;
    }

    private @Nullable ObjectNode currentConfig(ComponentProvider<?, ?> provider, ComponentModel model, String path,
            List<ComponentProblem> problems) {
        ObjectNode config = model.config();
        Integer version = model.componentVersion();
        int current = provider.componentVersion();
        if (version == null || version == 0 || version >= current) {
            if (version != null && version > current) {
                LOG.debug("{}: config written for component_version {} of '{}', newer than this library's {}",
                        path, version, provider.provider(), current);
            }
            return config;
        }
        try {
            ObjectNode upgraded = provider.upgradeConfig(config, version);
            if (upgraded == null) {
                problems.add(new ComponentProblem(path, "provider '" + provider.provider()
                        + "' returned no config when upgrading from component_version " + version));
            }
            return upgraded;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            problems.add(new ComponentProblem(path + ".component_version", messageOf(e)));
            return null;
        }
    }

    private @Nullable Object bind(ComponentProvider<?, ?> provider, ObjectNode config, String configPath,
            List<ComponentProblem> problems) {
        int before = problems.size();
        missingRequired(provider.configClass(), config, configPath, problems);
        if (problems.size() > before) {
            return null;
        }
        lastBound.clear();
        try {
            return AutogenJson.mapper().readerFor(provider.configClass())
                    .withAttribute(SESSION, this)
                    .withAttribute(BASE_PATH, configPath)
                    .readValue(config);
        } catch (ComponentLoadException e) {
            problems.addAll(e.problems());
        } catch (JsonMappingException e) {
            problems.addAll(ComponentJson.bindingProblems(e, config, configPath));
        } catch (IOException | RuntimeException e) {
            problems.add(new ComponentProblem(configPath, "invalid config: " + messageOf(e)));
        }
        return null;
    }

    /** Reports every required field of the config class that is absent or null. */
    private static void missingRequired(Class<?> configClass, ObjectNode config, String configPath,
            List<ComponentProblem> problems) {
        if (JsonNode.class.isAssignableFrom(configClass) || Map.class.isAssignableFrom(configClass)) {
            return;
        }
        ObjectMapper mapper = AutogenJson.mapper();
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(configClass));
        Set<String> reported = new LinkedHashSet<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            String name = property.getName();
            if (!property.isRequired() || !reported.add(name)) {
                continue;
            }
            JsonNode value = config.get(name);
            if (value == null) {
                problems.add(new ComponentProblem(configPath + "." + name, "missing required field"));
            } else if (value.isNull()) {
                problems.add(new ComponentProblem(configPath + "." + name, "required field must not be null"));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object create(ComponentProvider<?, ?> provider, Object config, String path, ComponentModel model) {
        Object instance;
        try {
            instance = ((ComponentProvider) provider).fromConfig(config, new ComponentContext(this, path, shortName(provider.provider()), model));
        } catch (ComponentLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ComponentLoadException(new ComponentProblem(path, "cannot create '" + provider.provider() + "': "
                    + messageOf(e)), e);
        }
        if (instance == null) {
            throw new ComponentLoadException(path, "provider '" + provider.provider() + "' returned no component");
        }
        return instance;
    }

    private @Nullable String componentTypeOf(@Nullable Class<?> expected) {
        if (expected == null || expected == Object.class) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (ComponentProvider<?, ?> p : registry.providers()) {
            if (expected.isAssignableFrom(p.componentClass())) {
                types.add(p.componentType());
            }
        }
        return types.size() == 1 ? types.iterator().next() : null;
    }

    private static String shortName(String provider) {
        return provider.substring(provider.lastIndexOf('.') + 1);
    }

    private static void failOn(List<ComponentProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ComponentLoadException(problems);
        }
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String article(Class<?> type) {
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
    }
}
