package dev.autogen.core.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explicit, immutable set of component providers a loader may use. Provider strings in JSON are
 * only ever looked up here: a class merely named in a config (say {@code java.lang.Runtime}) is
 * never loaded or instantiated, so configs from untrusted sources cannot run arbitrary code.
 *
 * <p>Besides canonical provider strings, a registry resolves aliases: those a provider declares,
 * Python's {@link #WELL_KNOWN_ALIASES}, and the last segment of each canonical string (e.g.
 * {@code RoundRobinGroupChat}) when no two providers share it.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; import dev.autogen.core.tools.*; String json;
 *      class MyToolProvider extends AbstractComponentProvider<FunctionTool, FunctionToolConfig> {
 *          MyToolProvider() { super("com.acme.MyTool", "tool", FunctionTool.class, FunctionToolConfig.class); }
 *          public FunctionTool fromConfig(FunctionToolConfig config, ComponentContext context) { return null; }
 *      } -->
 * <pre>{@code
 * ComponentRegistry registry = ComponentRegistry.builder()
 *         .addServiceLoaderProviders()                               // META-INF/services
 *         .add(new MyToolProvider())                                 // programmatic
 *         .allowOnly(p -> p.startsWith("autogen_") || p.startsWith("com.acme."))
 *         .build();
 * Team team = ComponentLoader.using(registry).load(json, Team.class);
 * }</pre>
 */
public final class ComponentRegistry {
    /**
     * The aliases Python AutoGen resolves before anything else ({@code WELL_KNOWN_PROVIDERS} in
     * {@code autogen_core._component_config}). They apply when the provider they name is registered.
     */
    public static final Map<String, String> WELL_KNOWN_ALIASES = Map.of(
            "azure_openai_chat_completion_client", "autogen_ext.models.openai.AzureOpenAIChatCompletionClient",
            "AzureOpenAIChatCompletionClient", "autogen_ext.models.openai.AzureOpenAIChatCompletionClient",
            "openai_chat_completion_client", "autogen_ext.models.openai.OpenAIChatCompletionClient",
            "OpenAIChatCompletionClient", "autogen_ext.models.openai.OpenAIChatCompletionClient");

    private static final Logger LOG = LoggerFactory.getLogger(ComponentRegistry.class);
    private static final ReentrantLock DEFAULT_LOCK = new ReentrantLock();
    private static volatile @Nullable ComponentRegistry defaultRegistry;

    private final Map<String, ComponentProvider<?, ?>> providers;
    private final Map<String, String> aliases;
    private final Map<String, Set<String>> ambiguous;

    private ComponentRegistry(Map<String, ComponentProvider<?, ?>> providers, Map<String, String> aliases,
            Map<String, Set<String>> ambiguous) {
        this.providers = Map.copyOf(providers);
        this.aliases = Map.copyOf(aliases);
        this.ambiguous = Map.copyOf(ambiguous);
    }

    /**
     * The registry of every provider found with {@link ServiceLoader} on the thread's context class
     * loader (or this library's), built on first use and shared afterwards.
     *
     * @throws IllegalStateException if a provider cannot be instantiated or two providers claim
     *     the same provider string
     */
    public static ComponentRegistry defaultRegistry() {
        ComponentRegistry registry = defaultRegistry;
        if (registry != null) {
            return registry;
        }
        DEFAULT_LOCK.lock();
        try {
            registry = defaultRegistry;
            if (registry == null) {
                registry = builder().addServiceLoaderProviders().build();
                defaultRegistry = registry;
            }
            return registry;
        } finally {
            DEFAULT_LOCK.unlock();
        }
    }

    /** A builder for a registry of one's own choosing. */
    public static Builder builder() {
        return new Builder();
    }

    /** The provider registered under a canonical provider string or alias. */
    public Optional<ComponentProvider<?, ?>> find(String providerOrAlias) {
        ComponentProvider<?, ?> provider = providers.get(providerOrAlias);
        if (provider == null) {
            String canonical = aliases.get(providerOrAlias);
            provider = canonical == null ? null : providers.get(canonical);
        }
        return Optional.ofNullable(provider);
    }

    /** Whether a provider string or alias resolves to a provider. */
    public boolean contains(String providerOrAlias) {
        return find(providerOrAlias).isPresent();
    }

    /** The registered providers. */
    public Collection<ComponentProvider<?, ?>> providers() {
        return providers.values();
    }

    /** The canonical provider strings, sorted. */
    public Set<String> providerNames() {
        return new TreeSet<>(providers.keySet());
    }

    /** The aliases and the canonical provider strings they resolve to. */
    public Map<String, String> aliases() {
        return new TreeMap<>(aliases);
    }

    /**
     * Explains why a name does not resolve and suggests close known names, e.g.
     * {@code unknown provider 'RoundRobinGroupChatt'; did you mean 'autogen_agentchat.teams.RoundRobinGroupChat'?}.
     *
     * @param name the unresolved provider string
     * @param componentType the component type the caller wanted, to list known providers of that
     *     type when nothing is close; may be null
     */
    public String unknownProviderMessage(String name, @Nullable String componentType) {
        if (name.length() > MAX_PROVIDER_LENGTH) {
            return "unknown provider '" + name.substring(0, 60) + "...' (" + name.length() + " characters; provider names are"
                    + " dotted class paths such as 'autogen_agentchat.agents.AssistantAgent')";
        }
        var message = new StringBuilder("unknown provider '").append(name).append('\'');
        Set<String> candidates = ambiguous.get(name);
        if (candidates != null) {
            return message.append(": the short name is ambiguous, use one of ").append(quoted(candidates)).toString();
        }
        String target = WELL_KNOWN_ALIASES.get(name);
        Optional<String> module = ProviderModules.moduleOf(name)
                .or(() -> target == null ? Optional.empty() : ProviderModules.moduleOf(target));
        if (module.isPresent()) {
            return message.append(": it comes with the module ").append(module.get())
                    .append(", which is not on the class path; add that dependency (its version comes from dev.autogen:autogen-bom)")
                    .toString();
        }
        if (target != null) {
            return message.append(": it stands for '").append(target)
                    .append("', which is not installed; add the module that provides it to the class path").toString();
        }
        List<String> close = closeNames(name);
        if (!close.isEmpty()) {
            return message.append("; did you mean ").append(String.join(" or ", quotedList(close))).append('?').toString();
        }
        List<String> sameType = new ArrayList<>();
        for (ComponentProvider<?, ?> p : providers.values()) {
            if (componentType != null && componentType.equals(p.componentType())) {
                sameType.add(p.provider());
            }
        }
        sameType.sort(Comparator.naturalOrder());
        if (!sameType.isEmpty()) {
            return message.append("; known ").append(componentType).append(" providers: ")
                    .append(String.join(", ", quotedList(sameType))).toString();
        }
        return message.append("; ").append(providers.size())
                .append(" providers are registered (providers are plugged in with META-INF/services/")
                .append(ComponentProvider.class.getName()).append(')').toString();
    }

    /** The longest name the "did you mean" search looks at; a longer one is surely not a provider. */
    private static final int MAX_PROVIDER_LENGTH = 300;

    /** Up to three registered names close to {@code name}, closest first. */
    List<String> closeNames(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String wantedShort = lastSegment(wanted);
        Map<String, Integer> best = new HashMap<>();
        for (String canonical : providers.keySet()) {
            consider(best, canonical, canonical, wanted, wantedShort);
        }
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            consider(best, alias.getValue(), alias.getKey(), wanted, wantedShort);
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void consider(Map<String, Integer> best, String canonical, String known, String wanted, String wantedShort) {
        String candidate = known.toLowerCase(Locale.ROOT);
        int distance = Math.min(distance(candidate, wanted), distance(lastSegment(candidate), wantedShort));
        int allowed = Math.max(2, wantedShort.length() / 4);
        if (distance <= allowed) {
            best.merge(canonical, distance, Math::min);
        }
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static List<String> quotedList(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    private static String quoted(Collection<String> names) {
        return String.join(", ", quotedList(new TreeSet<>(names)));
    }

    /** Collects providers and aliases; not thread-safe. */
    public static final class Builder {
        private final Map<String, ComponentProvider<?, ?>> providers = new LinkedHashMap<>();
        private final Map<String, String> explicitAliases = new LinkedHashMap<>();
        private Predicate<String> allowed = provider -> true;

        private Builder() {
        }

        /**
         * Adds every provider named in {@code META-INF/services/dev.autogen.core.component.ComponentProvider}
         * visible to the thread's context class loader (or, without one, this library's).
         *
         * @throws IllegalStateException if a listed provider cannot be loaded or instantiated
         */
        public Builder addServiceLoaderProviders() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return addServiceLoaderProviders(loader != null ? loader : ComponentRegistry.class.getClassLoader());
        }

        /**
         * Adds every provider {@link ServiceLoader} finds with the given class loader.
         *
         * @throws IllegalStateException if a listed provider cannot be loaded or instantiated
         */
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Builder addServiceLoaderProviders(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            try {
                for (ComponentProvider provider : ServiceLoader.load(ComponentProvider.class, loader)) {
                    add((ComponentProvider<?, ?>) provider);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("cannot load a component provider listed in META-INF/services/"
                        + ComponentProvider.class.getName() + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Adds a provider.
         *
         * <p>A {@linkplain ComponentProvider#isStandIn() stand-in} gives way to any other provider of its
         * provider string, whichever is added first.
         *
         * @throws IllegalStateException if a provider of another class already claims its provider string
         *     (and neither of the two is a stand-in)
         * @throws IllegalArgumentException if its provider string or component type is blank
         */
        public Builder add(ComponentProvider<?, ?> provider) {
            Objects.requireNonNull(provider, "provider");
            String name = provider.provider();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(provider.getClass().getName() + ".provider() must return a non-empty string");
            }
            if (provider.componentType() == null || provider.componentType().isBlank()) {
                throw new IllegalArgumentException(provider.getClass().getName() + ".componentType() must return a non-empty string");
            }
            Objects.requireNonNull(provider.componentClass(), () -> provider.getClass().getName() + ".componentClass()");
            Objects.requireNonNull(provider.configClass(), () -> provider.getClass().getName() + ".configClass()");
            ComponentProvider<?, ?> existing = providers.get(name);
            if (existing != null && existing.getClass() != provider.getClass() && existing.isStandIn() != provider.isStandIn()) {
                if (provider.isStandIn()) {
                    LOG.debug("provider '{}': stand-in {} left out for {}", name, provider.getClass().getName(),
                            existing.getClass().getName());
                    return this;
                }
                LOG.debug("provider '{}': stand-in {} replaced by {}", name, existing.getClass().getName(),
                        provider.getClass().getName());
            } else if (existing != null && existing.getClass() != provider.getClass()) {
                throw new IllegalStateException("provider '" + name + "' is claimed by both "
                        + existing.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of them from the class path or registry");
            }
            providers.put(name, provider);
            return this;
        }

        /** Adds an alias for a canonical provider string, e.g. a former Python module path. */
        public Builder alias(String alias, String canonicalProvider) {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(canonicalProvider, "canonicalProvider");
            explicitAliases.put(alias, canonicalProvider);
            return this;
        }

        /**
         * Admits only the providers whose canonical string passes the test, e.g. trusted namespaces;
         * the others are left out as if never found.
         */
        public Builder allowOnly(Predicate<String> providerFilter) {
            this.allowed = Objects.requireNonNull(providerFilter, "providerFilter");
            return this;
        }

        /**
         * Builds the registry.
         *
         * @throws IllegalStateException if an alias is claimed by two providers, shadows a canonical
         *     provider string, or names an unregistered provider
         */
        public ComponentRegistry build() {
            Map<String, ComponentProvider<?, ?>> admitted = new LinkedHashMap<>();
            for (Map.Entry<String, ComponentProvider<?, ?>> e : providers.entrySet()) {
                if (allowed.test(e.getKey())) {
                    admitted.put(e.getKey(), e.getValue());
                } else {
                    LOG.debug("component provider '{}' left out by the registry's filter", e.getKey());
                }
            }
            Map<String, String> aliases = new HashMap<>();
            for (ComponentProvider<?, ?> provider : admitted.values()) {
                for (String alias : provider.aliases()) {
                    addAlias(aliases, admitted, alias, provider.provider());
                }
            }
            for (Map.Entry<String, String> e : explicitAliases.entrySet()) {
                if (!admitted.containsKey(e.getValue())) {
                    throw new IllegalStateException("alias '" + e.getKey() + "' names provider '" + e.getValue()
                            + "', which is not registered");
                }
                addAlias(aliases, admitted, e.getKey(), e.getValue());
            }
            WELL_KNOWN_ALIASES.forEach((alias, target) -> {
                if (admitted.containsKey(target) && !admitted.containsKey(alias)) {
                    aliases.putIfAbsent(alias, target);
                }
            });
            Map<String, Set<String>> byShortName = new HashMap<>();
            for (String name : admitted.keySet()) {
                byShortName.computeIfAbsent(lastSegment(name), k -> new TreeSet<>()).add(name);
            }
            Map<String, Set<String>> ambiguous = new HashMap<>();
            byShortName.forEach((shortName, names) -> {
                if (admitted.containsKey(shortName) || aliases.containsKey(shortName)) {
                    return;
                }
                if (names.size() == 1) {
                    aliases.put(shortName, names.iterator().next());
                } else {
                    ambiguous.put(shortName, names);
                }
            });
            return new ComponentRegistry(admitted, aliases, ambiguous);
        }

        private static void addAlias(Map<String, String> aliases, Map<String, ComponentProvider<?, ?>> admitted,
                String alias, String target) {
            if (admitted.containsKey(alias) && !alias.equals(target)) {
                throw new IllegalStateException("alias '" + alias + "' of '" + target
                        + "' is already the provider string of " + admitted.get(alias).getClass().getName());
            }
            String previous = aliases.putIfAbsent(alias, target);
            if (previous != null && !previous.equals(target)) {
                throw new IllegalStateException("alias '" + alias + "' is claimed by both '" + previous + "' and '"
                        + target + "'");
            }
        }
    }
}
