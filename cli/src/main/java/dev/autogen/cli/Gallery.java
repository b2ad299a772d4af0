package dev.autogen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a gallery file as AutoGen Studio writes it: {@code {"id", "name", "metadata",
 * "components": {"teams": [...], "agents": [...], "models": [...], ...}}}.
 */
final class Gallery {
    private Gallery() {
    }

    /** One component of a gallery, with its JSON path such as {@code components.teams[0]}. */
    record Entry(String path, JsonNode component) {
        String label() {
            return component.path("label").asText(component.path("provider").asText("(no provider)"));
        }

        String provider() {
            return component.path("provider").asText("(no provider)");
        }

        String description() {
            String text = component.path("description").asText("").strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        }
    }

    /** Whether {@code node} is a gallery rather than a single component. */
    static boolean isGallery(JsonNode node) {
        return node.path("components").isObject() && !node.has("provider");
    }

    /** The components by group ({@code teams}, {@code agents}, ...), in the file's order. */
    static Map<String, List<Entry>> components(JsonNode gallery) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> group : gallery.path("components").properties()) {
            List<Entry> entries = new ArrayList<>();
            JsonNode list = group.getValue();
            for (int i = 0; i < list.size(); i++) {
                entries.add(new Entry("components." + group.getKey() + "[" + i + "]", list.get(i)));
            }
            groups.put(group.getKey(), entries);
        }
        return groups;
    }
}
