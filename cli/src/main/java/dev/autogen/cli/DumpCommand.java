package dev.autogen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.autogen.core.serialization.AutogenJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen dump [NAME]}: lists the built-in example teams, or prints one as a component config
 * that {@code autogen run}, Python AutoGen and AutoGen Studio can load.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Without NAME, lists the built-in example teams. With NAME, prints that team's component "
                + "config (JSON, or YAML with --format yaml), ready to save, edit and pass to 'autogen run'."})
final class DumpCommand implements Callable<Integer> {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A built-in team.")
    private @Nullable String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or yaml.")
    private Format format = Format.json;

    enum Format { json, yaml }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            list(out);
        } else {
            BuiltinTeam team = BuiltinTeam.find(name).orElseThrow(() -> CliException.config(
                    "autogen: there is no built-in team '" + name + "'; the built-in teams are " + BuiltinTeam.names() + "."));
            out.println(render(team.config()));
        }
        out.flush();
        return 0;
    }

    private static void list(PrintWriter out) {
        int width = BuiltinTeam.ALL.stream().mapToInt(team -> team.name().length()).max().orElse(0);
        out.println("Built-in teams (scripted replies; add --model PROVIDER:MODEL to 'autogen run' for a real model):");
        for (BuiltinTeam team : BuiltinTeam.ALL) {
            out.println("  " + team.name() + " ".repeat(width - team.name().length()) + "  " + team.summary());
        }
        out.println();
        out.println("'autogen run NAME' runs one on its own task; 'autogen dump NAME > team.json' saves its config.");
    }

    private String render(JsonNode config) {
        ObjectWriter writer = format == Format.yaml ? YAML.writer() : AutogenJson.mapper().writerWithDefaultPrettyPrinter();
        try {
            return writer.writeValueAsString(config).stripTrailing();
        } catch (JsonProcessingException e) {
            throw new CliException(CliException.RUN_FAILURE, "autogen: cannot write team '" + name + "': " + CliException.describe(e));
        }
    }
}
