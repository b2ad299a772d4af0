package dev.autogen.core.component;

/**
 * Something that can be written as a {@link ComponentModel} and loaded back, the counterpart of
 * Python's {@code ComponentBase}. Abstractions such as a chat completion client, an agent or a cache
 * store extend this interface so that any instance can be dumped; concrete classes implement
 * {@link Component}.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; Team team; -->
 * <pre>{@code
 * String json = team.dumpComponent().toJson();
 * Team copy = ComponentLoader.loadComponent(json, Team.class);
 * }</pre>
 */
public interface ComponentBase {
    /**
     * The model that re-creates this component: the canonical provider string, component type,
     * versions, description, label and the current configuration.
     *
     * @throws UnsupportedOperationException if this instance holds settings that cannot be written
     *     as a config (for example a Java lambda); the message names them
     */
    ComponentModel dumpComponent();
}
