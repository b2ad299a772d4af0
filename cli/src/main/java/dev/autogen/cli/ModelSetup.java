package dev.autogen.cli;

import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks, before a run starts, that every model client of a config could make a call: an API key
 * in the config or the environment, credentials for Azure. A run that would fail at its first model
 * call fails here instead, with one paragraph saying what to set.
 */
final class ModelSetup {
    private ModelSetup() {
    }

    /**
     * Throws when a model client of {@code source}'s config is not configured. Each client is built
     * once more from its own JSON, which costs no network call, so that the check needs nothing from
     * the loaded team's internals.
     *
     * @throws CliException (config problem) naming what to set, the clients concerned and how to run without a model
     */
    static void check(ConfigFile source, ComponentLoader loader) {
        Map<String, List<ModelClientSites.Site>> byProblem = new LinkedHashMap<>();
        for (ModelClientSites.Site site : ModelClientSites.find(source.node(), loader.registry())) {
            try (ChatCompletionClient client = loader.load(site.component(), ChatCompletionClient.class)) {
                client.configurationProblem().ifPresent(problem ->
                        byProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(site));
            }
        }
        if (byProblem.isEmpty()) {
            return;
        }
        var text = new StringBuilder("autogen: ").append(source.label()).append(" needs a model that is not configured. ");
        byProblem.forEach((problem, sites) -> text.append(problem).append(" (")
                .append(sites.stream().map(ModelClientSites.Site::describe).distinct().collect(Collectors.joining(", ")))
                .append(" at ").append(sites.stream().map(ModelClientSites.Site::path).collect(Collectors.joining(", ")))
                .append("). "));
        text.append("To see a team run without a model, try 'autogen run ").append(BuiltinTeam.ALL.get(0).name())
                .append("' (scripted replies).");
        throw CliException.config(text.toString());
    }
}
