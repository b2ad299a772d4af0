package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.OrTerminationCondition;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.conditions.ExternalTermination;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.core.component.ComponentEnvironment;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the team of a run from its component config: its UserProxyAgents ask the browser, an
 * {@link ExternalTermination} is added to its termination condition (so a stop can wait for the end of
 * the turn), and components that would run code or start programs are built only when the user
 * enabled code execution in the settings; otherwise the load fails naming them. The components read
 * the user's settings' environment before the process's ({@link ComponentEnvironment}), as Python
 * Studio's runs see the settings' environment.
 */
public final class TeamFactory {
    private TeamFactory() {
    }

    /** A loaded team and the condition that stops it after the current turn, if it has one. */
    public record LoadedTeam(Team team, @Nullable ExternalTermination stop) {
    }

    /** The policy when code execution is off: refuse, saying how to allow. */
    public static final ConsentPolicy REFUSE = new ConsentPolicy() {
        @Override
        public Decision decide(ConsentRequest request) {
            return Decision.DENY;
        }

        @Override
        public String howToAllow() {
            return "Enable code execution in the Studio's settings (allow_code_execution) if you trust this team.";
        }
    };

    /** {@link #load(JsonNode, boolean, InputFunction, Map)} with the process environment only. */
    public static LoadedTeam load(JsonNode config, boolean allowCodeExecution, InputFunction input) {
        return load(config, allowCodeExecution, input, Map.of());
    }

    /**
     * Loads {@code config} as a team whose components see {@code environment} over the process's.
     *
     * @throws dev.autogen.core.component.ComponentLoadException if it is not a loadable team
     */
    public static LoadedTeam load(JsonNode config, boolean allowCodeExecution, InputFunction input,
            Map<String, String> environment) {
        JsonNode withStop = withExternalTermination(config);
        Team team = ComponentLoader.defaultLoader()
                .withConsent(allowCodeExecution ? ConsentPolicy.allowAll() : REFUSE)
                .withAttribute(InputFunction.class, input)
                .withAttribute(ComponentEnvironment.class, new ComponentEnvironment(environment))
                .load(withStop, Team.class);
        return new LoadedTeam(team, team instanceof BaseGroupChat chat ? find(chat.terminationCondition()) : null);
    }

    private static JsonNode withExternalTermination(JsonNode config) {
        JsonNode teamConfig = config.path("config");
        if (!teamConfig.isObject() || !teamConfig.has("termination_condition")) {
            return config;
        }
        ObjectNode copy = config.deepCopy();
        ObjectNode inner = (ObjectNode) copy.get("config");
        ObjectNode external = component(ExternalTermination.PROVIDER, "Stops the run when the user asks, after the turn");
        external.putObject("config");
        JsonNode existing = inner.get("termination_condition");
        if (existing == null || existing.isNull()) {
            inner.set("termination_condition", external);
        } else {
            ObjectNode or = component(OrTerminationCondition.PROVIDER, "The team's condition, or a stop by the user");
            var conditions = or.putObject("config").putArray("conditions");
            conditions.add(existing);
            conditions.add(external);
            inner.set("termination_condition", or);
        }
        return copy;
    }

    private static ObjectNode component(String provider, String description) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("provider", provider);
        node.put("component_type", "termination");
        node.put("version", 1);
        node.put("component_version", 1);
        node.put("description", description);
        return node;
    }

    private static @Nullable ExternalTermination find(@Nullable TerminationCondition condition) {
        if (condition instanceof ExternalTermination external) {
            return external;
        }
        if (condition instanceof OrTerminationCondition or) {
            for (TerminationCondition inner : or.conditions()) {
                ExternalTermination found = find(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
