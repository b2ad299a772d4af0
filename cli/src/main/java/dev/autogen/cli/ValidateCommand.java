package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen validate CONFIG}: checks a component config (or every component of a gallery file)
 * without running it, and prints each problem with its JSON path.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a component config, or every component of a gallery file, without running it: "
                + "unknown providers, wrong component types, missing or malformed fields, components that "
                + "cannot be built in Java. Prints each problem with its JSON path, and notes the components that would run "
                + "code or start programs, warning about directories they would write in outside the current one. "
                + "Never writes to the file system.",
                "Exit codes: 0 no problems, 1 problems found (or the file cannot be read)."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "A component config or gallery file (JSON or YAML), or the name of a built-in team.")
    @SuppressWarnings("NullAway.Init")
    private String config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode node = ConfigFile.resolve(config).node();
        List<ComponentProblem> problems = Gallery.isGallery(node) ? validateGallery(node, out) : validateComponent(node, out);
        out.flush();
        return problems.isEmpty() ? 0 : CliException.CONFIG_PROBLEM;
    }

    private List<ComponentProblem> validateComponent(JsonNode node, PrintWriter out) {
        var notes = new ConsentNotes();
        List<ComponentProblem> problems = ComponentLoader.defaultLoader().withConsent(notes).validate(node, Object.class);
        notes.lines().forEach(out::println);
        if (problems.isEmpty()) {
            out.println(config + ": OK, a " + node.path("component_type").asText("component") + " ("
                    + node.path("provider").asText() + ")");
        } else {
            problems.forEach(out::println);
            out.println(config + ": " + count(problems.size(), "problem"));
        }
        return problems;
    }

    private List<ComponentProblem> validateGallery(JsonNode node, PrintWriter out) {
        List<ComponentProblem> all = new ArrayList<>();
        int components = 0;
        int loadable = 0;
        for (Map.Entry<String, List<Gallery.Entry>> group : Gallery.components(node).entrySet()) {
            for (Gallery.Entry entry : group.getValue()) {
                components++;
                var notes = new ConsentNotes();
                List<ComponentProblem> problems = ComponentLoader.defaultLoader().withRootPath(entry.path())
                        .withConsent(notes).validate(entry.component(), Object.class);
                if (problems.isEmpty()) {
                    loadable++;
                    out.println("ok       " + entry.path() + " " + entry.label());
                } else {
                    out.println("invalid  " + entry.path() + " " + entry.label());
                    problems.forEach(p -> out.println("         " + p));
                    all.addAll(problems);
                }
                notes.lines().forEach(line -> out.println("         " + line));
            }
        }
        out.println(config + ": " + loadable + " of " + count(components, "component") + " load"
                + (all.isEmpty() ? "" : "; " + count(all.size(), "problem")));
        return all;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
