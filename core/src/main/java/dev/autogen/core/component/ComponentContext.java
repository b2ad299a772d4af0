package dev.autogen.core.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ComponentProvider#fromConfig} receives besides its config: a way to load the
 * components nested in the config, keeping track of where they sit so that an error reads
 * {@code team.config.participants[1].config.model_client: unknown provider 'foo'}.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.*;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      record Config(List<ComponentModel> participants, ComponentModel terminationCondition) {} -->
 * <pre>{@code
 * public RoundRobinGroupChat fromConfig(Config config, ComponentContext context) {
 *     List<ChatAgent> participants = context.loadAll(config.participants(), ChatAgent.class);
 *     TerminationCondition termination = config.terminationCondition() == null ? null
 *             : context.load(config.terminationCondition(), TerminationCondition.class);
 *     if (participants.isEmpty()) {
 *         throw context.invalid("participants", "at least one participant is required");
 *     }
 *     return RoundRobinGroupChat.builder(participants).terminationCondition(termination).build();
 * }
 * }</pre>
 *
 * <p>A context belongs to one load and is not thread-safe.
 */
public final class ComponentContext {
    private final LoadSession session;
    private final String path;
    private final String component;
    private final ComponentModel model;

    ComponentContext(LoadSession session, String path, String component, ComponentModel model) {
        this.session = session;
        this.path = path;
        this.component = component;
        this.model = model;
    }

    /**
     * The component model being built, as the config holds it (provider, versions, description,
     * label, config): for a component that dumps back to exactly what it was loaded from.
     */
    public ComponentModel model() {
        return model;
    }

    /** The JSON path of the component being built, e.g. {@code team.config.participants[0]}. */
    public String path() {
        return path;
    }

    /**
     * Whether this is the component the load began with (not one nested in its config): where an
     * application's {@linkplain #attribute attribute} meant for the top component applies, such as the
     * placement of the team being run.
     */
    public boolean isRoot() {
        return session.isRoot(path);
    }

    /**
     * A value the application gave the loader for every component ({@link ComponentLoader#withAttribute});
     * empty when none was given.
     */
    public <T> Optional<T> attribute(Class<T> key) {
        return session.attribute(key);
    }

    /**
     * The environment variables components read settings from when their config leaves them out (API
     * keys, hosts, base URLs): the process environment, with the application's
     * {@link ComponentEnvironment} attribute laid over it.
     */
    public Map<String, String> environment() {
        Map<String, String> process = System.getenv();
        return attribute(ComponentEnvironment.class).map(given -> given.over(process)).orElse(process);
    }

    /** The registry providers are resolved from. */
    public ComponentRegistry registry() {
        return session.registry();
    }

    /**
     * Loads a component nested in this component's config. Its path is the place the model was read
     * from; for a model made in code, a path under this component's config.
     *
     * @throws ComponentLoadException if it cannot be loaded or is not an {@code expected}
     */
    public <T> T load(ComponentModel model, Class<T> expected) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(expected, "expected");
        String nestedPath = session.pathOf(model);
        if (nestedPath == null) {
            nestedPath = path + ".config.(" + model.provider() + ")";
        }
        return session.load(model, expected, nestedPath);
    }

    /**
     * Loads a component nested in this component's config at the given field, e.g.
     * {@code "model_client"} or {@code "participants[2]"}, relative to this component's {@code config}.
     *
     * @throws ComponentLoadException if it cannot be loaded or is not an {@code expected}
     */
    public <T> T load(ComponentModel model, Class<T> expected, String field) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(expected, "expected");
        return session.load(model, expected, fieldPath(field));
    }

    /**
     * Loads a list of nested components, reporting the problems of all of them together.
     *
     * @throws ComponentLoadException if any cannot be loaded or is not an {@code expected}
     */
    public <T> List<T> loadAll(List<ComponentModel> models, Class<T> expected) {
        Objects.requireNonNull(models, "models");
        List<T> loaded = new ArrayList<>(models.size());
        List<ComponentProblem> problems = new ArrayList<>();
        for (ComponentModel model : models) {
            try {
                loaded.add(load(model, expected));
            } catch (ComponentLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ComponentLoadException(problems);
        }
        return List.copyOf(loaded);
    }

    /**
     * The {@link ProcessGate} of a component that starts processes on this machine (runs code,
     * starts a program), for its provider to build it with. The load's {@link ConsentPolicy} decides
     * once: the gate is {@link ProcessGate#OPEN} when it allows, asks before each start when it says
     * {@link ConsentPolicy.Decision#ASK}, and the load fails when it denies.
     *
     * <!-- java-context: import java.nio.file.Path; Path workDir; ComponentContext context; -->
     * <pre>{@code
     * ProcessGate gate = context.processGate("run the code blocks it receives as programs on this machine",
     *         Map.of("work_dir", workDir));
     * }</pre>
     *
     * @param action what the component would do, completing "it would ...", e.g.
     *     {@code "start the MCP server command 'npx -y server-everything'"}
     * @param directories the directories the config makes it write in, by config field
     * @throws ComponentLoadException naming this component's path, when the policy denies
     */
    public ProcessGate processGate(String action, Map<String, Path> directories) {
        var request = new ConsentRequest(path, component, action, directories);
        ConsentPolicy policy = session.consent();
        return switch (policy.decide(request)) {
            case ALLOW -> ProcessGate.OPEN;
            case ASK -> ProcessGate.asking(policy, request);
            case DENY -> throw new ComponentLoadException(path, request.describe()
                    + "; a loaded config may do this only with your consent. " + policy.howToAllow());
        };
    }

    /**
     * An exception for an invalid value of a field of this component's config, for a provider to
     * throw: {@code throw context.invalid("participants", "names must be unique: [a, a]")}.
     */
    public ComponentLoadException invalid(String field, String message) {
        return new ComponentLoadException(fieldPath(field), message);
    }

    private String fieldPath(String field) {
        Objects.requireNonNull(field, "field");
        return path + ".config" + (field.isEmpty() || field.startsWith("[") ? "" : ".") + field;
    }
}
