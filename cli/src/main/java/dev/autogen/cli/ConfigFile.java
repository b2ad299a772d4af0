package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.core.component.ComponentLoadException;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A component config as the command found it: read from a file (JSON, or YAML when the name ends in
 * {@code .yaml}/{@code .yml}) or taken from a {@linkplain BuiltinTeam built-in team}.
 *
 * @param label how messages name it: {@code config file 'PATH'} or {@code built-in team 'NAME'}
 * @param node the component (or gallery) JSON
 * @param builtin the built-in team it came from, or null for a file
 */
record ConfigFile(String label, JsonNode node, @Nullable BuiltinTeam builtin) {

    /**
     * Reads {@code argument} as a file when one exists there, else as the name of a built-in team.
     *
     * @throws CliException (config problem) when it is neither, naming the built-in teams
     */
    static ConfigFile resolve(String argument) {
        Path path = Path.of(argument);
        if (!Files.exists(path)) {
            BuiltinTeam team = BuiltinTeam.find(argument).orElse(null);
            if (team != null) {
                return new ConfigFile("built-in team '" + team.name() + "'", team.config(), team);
            }
            if (!argument.contains("/") && !argument.contains(".")) {
                throw CliException.config("autogen: '" + argument + "' is neither a config file nor a built-in team; "
                        + "the built-in teams are " + BuiltinTeam.names() + " (see 'autogen dump').");
            }
        }
        return new ConfigFile("config file '" + argument + "'", read(path), null);
    }

    /**
     * Loads the config's agent or team with {@code loader}.
     *
     * @throws CliException (config problem) listing every problem of the config, each where it is
     */
    TaskRunner loadRunner(ComponentLoader loader) {
        try {
            return loader.load(node, TaskRunner.class);
        } catch (ComponentLoadException e) {
            List<ComponentProblem> problems = loader.validate(node, TaskRunner.class);
            throw CliException.config(ProblemReport.render(label, problems.isEmpty() ? e.problems() : problems));
        }
    }

    /**
     * Reads {@code path} into a JSON tree.
     *
     * @throws CliException (config problem) naming the file and, for a syntax error, the line and column
     */
    static JsonNode read(Path path) {
        JsonNode node = InputFile.readTree(path, "config file");
        if (!node.isObject()) {
            throw CliException.config("autogen: config file '" + path + "' must hold one "
                    + (InputFile.isYaml(path) ? "YAML mapping" : "JSON object") + " (a component with 'provider' and 'config'), not "
                    + (node.isMissingNode() ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)) + ".");
        }
        return node;
    }
}
