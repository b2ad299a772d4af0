package dev.autogen.studio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.ComponentProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every component of a gallery ({@code {"components": {"teams": [...], "agents": [...], ...}}})
 * against what exists in Java: the entries that cannot be loaded here, each with its reasons (a
 * provider with no Java counterpart such as {@code MultimodalWebSurfer}, a Python module that is
 * not installed), and those that would run code.
 */
public final class GalleryCheck {
    /**
     * Checks already made, by component JSON and path: checking a Python tool asks python3 which
     * modules it has, which takes a process per tool, and galleries are checked again on each save.
     */
    private static final Map<String, ComponentCheck> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ComponentCheck> eldest) {
                    return size() > 512;
                }
            });

    private GalleryCheck() {
    }

    /** One entry of a gallery and what checking it found. */
    public record Entry(String group, int index, JsonNode component, ComponentCheck check) {
        /** {@code components.teams[0]}. */
        public String path() {
            return "components." + group + "[" + index + "]";
        }

        /** The entry's label, else its provider. */
        public String label() {
            return component.path("label").asText(component.path("provider").asText("(no provider)"));
        }
    }

    /** Checks each component of {@code gallery}, in the file's order. */
    public static List<Entry> check(JsonNode gallery) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : gallery.path("components").properties()) {
            JsonNode list = group.getValue();
            for (int i = 0; i < list.size(); i++) {
                String path = "components." + group.getKey() + "[" + i + "]";
                JsonNode component = list.get(i);
                ComponentCheck check = CACHE.computeIfAbsent(path + "\n" + component,
                        key -> ComponentCheck.of(component, path));
                entries.add(new Entry(group.getKey(), i, component, check));
            }
        }
        return entries;
    }

    /**
     * The report as JSON: {@code [{"path", "label", "provider", "loads", "problems": [{"path", "error"}],
     * "runs_code": [...]}]} for the entries that do not load or would run code.
     */
    public static ArrayNode report(List<Entry> entries) {
        ArrayNode report = JsonNodeFactory.instance.arrayNode();
        for (Entry entry : entries) {
            if (entry.check().ok() && entry.check().needsConsent().isEmpty()) {
                continue;
            }
            ObjectNode item = report.addObject();
            item.put("path", entry.path());
            item.put("label", entry.label());
            item.put("provider", entry.component().path("provider").asText(""));
            item.put("loads", entry.check().ok());
            ArrayNode problems = item.putArray("problems");
            for (ComponentProblem problem : entry.check().problems()) {
                problems.addObject().put("path", problem.path()).put("error", problem.message());
            }
            ArrayNode runsCode = item.putArray("runs_code");
            entry.check().needsConsent().forEach(request -> runsCode.addObject().put("path", request.path())
                    .put("note", request.describe() + "; it runs only when code execution is enabled in the settings"));
        }
        return report;
    }
}
