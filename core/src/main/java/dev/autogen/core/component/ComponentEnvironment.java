package dev.autogen.core.component;

import java.util.HashMap;
import java.util.Map;

/**
 * Environment variables an application gives the components it loads, laid over the process's own: a
 * model client without an {@code api_key} reads {@code OPENAI_API_KEY} here first. A server that runs
 * configs for several users (the Studio) gives each load that user's settings this way instead of
 * changing the process environment, which Java cannot do and which would leak one user's keys to
 * another's runs.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; import java.util.Map; String teamJson; -->
 * <pre>{@code
 * Team team = ComponentLoader.defaultLoader()
 *         .withAttribute(ComponentEnvironment.class, new ComponentEnvironment(Map.of("OPENAI_API_KEY", "sk-...")))
 *         .load(teamJson, Team.class);
 * }</pre>
 *
 * <p>Providers read it through {@link ComponentContext#environment()}.
 *
 * @param variables name to value; these win over the process environment
 */
public record ComponentEnvironment(Map<String, String> variables) {
    public ComponentEnvironment {
        variables = Map.copyOf(variables);
    }

    /** {@code base} with these variables laid over it. */
    public Map<String, String> over(Map<String, String> base) {
        if (variables.isEmpty()) {
            return base;
        }
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(variables);
        return Map.copyOf(merged);
    }
}
