package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code autogen gallery FILE}: lists the components of a gallery file, grouped by type. */
@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = {"Lists the components of a gallery file (AutoGen Studio's format) by type: label, "
                + "provider and description. Check that they load with 'autogen validate FILE'."})
final class GalleryCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The gallery file (JSON or YAML).")
    @SuppressWarnings("NullAway.Init")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode node = ConfigFile.read(file);
        if (!Gallery.isGallery(node)) {
            throw CliException.config("autogen: '" + file + "' is not a gallery file: it has no 'components' object "
                    + "(a gallery looks like {\"name\": ..., \"components\": {\"teams\": [...], \"agents\": [...]}}). "
                    + "For a single component config use 'autogen validate'.");
        }
        String name = node.path("name").asText("");
        out.println((name.isEmpty() ? "Gallery" : name) + " (" + file + ")");
        for (Map.Entry<String, List<Gallery.Entry>> group : Gallery.components(node).entrySet()) {
            out.println();
            out.println(group.getKey() + " (" + group.getValue().size() + "):");
            int width = group.getValue().stream().mapToInt(e -> e.label().length()).max().orElse(0);
            for (Gallery.Entry entry : group.getValue()) {
                String description = entry.description();
                out.println("  " + pad(entry.label(), width) + "  " + entry.provider()
                        + (description.isEmpty() ? "" : "\n  " + " ".repeat(width) + "  " + description));
            }
        }
        out.flush();
        return 0;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
