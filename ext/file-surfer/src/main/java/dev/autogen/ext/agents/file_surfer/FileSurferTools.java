package dev.autogen.ext.agents.file_surfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;
import java.util.Map;

/** The file surfer's tools, with Python's names, descriptions and arguments. */
public final class FileSurferTools {
    public static final ToolSchema OPEN_PATH = new ToolSchema("open_path", "Open a local file or directory at a path "
            + "in the text-based file browser and return current viewport content.",
            parameters("path", "The relative or absolute path of a local file to visit."), null);
    public static final ToolSchema PAGE_UP = new ToolSchema("page_up", "Scroll the viewport UP one page-length in the "
            + "current file and return the new viewport content.", null, null);
    public static final ToolSchema PAGE_DOWN = new ToolSchema("page_down", "Scroll the viewport DOWN one page-length "
            + "in the current file and return the new viewport content.", null, null);
    public static final ToolSchema FIND_ON_PAGE_CTRL_F = new ToolSchema("find_on_page_ctrl_f", "Scroll the viewport "
            + "to the first occurrence of the search string. This is equivalent to Ctrl+F.",
            parameters("search_string", "The string to search for on the page. This search string supports wildcards "
                    + "like '*'"), null);
    public static final ToolSchema FIND_NEXT = new ToolSchema("find_next",
            "Scroll the viewport to next occurrence of the search string.", null, null);

    /** All of them, in the order Python offers them. */
    public static final List<ToolSchema> ALL = List.of(OPEN_PATH, PAGE_DOWN, PAGE_UP, FIND_NEXT, FIND_ON_PAGE_CTRL_F);

    private FileSurferTools() {
    }

    private static ParametersSchema parameters(String name, String description) {
        Map<String, JsonNode> properties = Map.of(name,
                JsonNodeFactory.instance.objectNode().put("type", "string").put("description", description));
        return new ParametersSchema("object", properties, List.of(name), null);
    }
}
