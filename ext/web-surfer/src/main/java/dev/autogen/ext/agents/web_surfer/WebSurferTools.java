package dev.autogen.ext.agents.web_surfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.tools.ParametersSchema;
import dev.autogen.core.tools.ToolSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the web surfer offers its model, with Python's names, descriptions and argument schemas.
 * Every tool takes a {@code reasoning} argument, as in Python.
 */
public final class WebSurferTools {
    /** The description of the {@code reasoning} argument every tool takes. */
    public static final String REASONING_PROMPT =
            "A short description of the action to be performed and reason for doing so, do not mention the user.";

    public static final ToolSchema VISIT_URL = tool("visit_url", "Navigate directly to a provided URL using the "
            + "browser's address bar. Prefer this tool over other navigation techniques in cases where the user "
            + "provides a fully-qualified URL (e.g., choose it over clicking links, or inputing queries into search "
            + "boxes).", "url", "string", "The URL to visit in the browser.");
    public static final ToolSchema WEB_SEARCH = tool("web_search",
            "Performs a web search on Bing.com with the given query.", "query", "string",
            "The web search query to use.");
    public static final ToolSchema HISTORY_BACK = tool("history_back", "Navigates back one page in the browser's "
            + "history. This is equivalent to clicking the browser back button.");
    public static final ToolSchema SCROLL_UP = tool("scroll_up",
            "Scrolls the entire browser viewport one page UP towards the beginning.");
    public static final ToolSchema SCROLL_DOWN = tool("scroll_down",
            "Scrolls the entire browser viewport one page DOWN towards the end.");
    public static final ToolSchema CLICK = tool("click", "Clicks the mouse on the target with the given id.",
            "target_id", "integer", "The numeric id of the target to click.");
    public static final ToolSchema INPUT_TEXT = tool("input_text",
            "Types the given text value into the specified field.",
            "input_field_id", "integer", "The numeric id of the input field to receive the text.",
            "text_value", "string", "The text to type into the input field.");
    public static final ToolSchema SCROLL_ELEMENT_DOWN = tool("scroll_element_down",
            "Scrolls a given html element (e.g., a div or a menu) DOWN.",
            "target_id", "integer", "The numeric id of the target to scroll down.");
    public static final ToolSchema SCROLL_ELEMENT_UP = tool("scroll_element_up",
            "Scrolls a given html element (e.g., a div or a menu) UP.",
            "target_id", "integer", "The numeric id of the target to scroll UP.");
    public static final ToolSchema HOVER = tool("hover", "Hovers the mouse over the target with the given id.",
            "target_id", "integer", "The numeric id of the target to hover over.");
    public static final ToolSchema ANSWER_QUESTION = tool("answer_question",
            "Uses AI to answer a question about the current webpage's content.",
            "question", "string", "The question to answer.");
    public static final ToolSchema SUMMARIZE_PAGE = tool("summarize_page", "Uses AI to summarize the entire page.");
    public static final ToolSchema SLEEP = tool("sleep", "Wait a short period of time. Call this function if the "
            + "page has not yet fully loaded, or if it is determined that a small delay would increase the task's "
            + "chances of success.");

    /** The tools always offered, in Python's order; scrolling tools are added when the page can scroll. */
    public static final List<ToolSchema> DEFAULT_TOOLS = List.of(VISIT_URL, WEB_SEARCH, HISTORY_BACK, CLICK,
            INPUT_TEXT, ANSWER_QUESTION, SUMMARIZE_PAGE, SLEEP, HOVER);

    /** Every tool the surfer can carry out. */
    public static final List<ToolSchema> ALL_TOOLS = List.of(VISIT_URL, WEB_SEARCH, HISTORY_BACK, SCROLL_UP,
            SCROLL_DOWN, CLICK, INPUT_TEXT, SCROLL_ELEMENT_DOWN, SCROLL_ELEMENT_UP, HOVER, ANSWER_QUESTION,
            SUMMARIZE_PAGE, SLEEP);

    private WebSurferTools() {
    }

    /** {@link #WEB_SEARCH} with its description naming the configured search engine's host. */
    static ToolSchema webSearch(String engineName) {
        return WEB_SEARCH.withNameAndDescription("web_search",
                "Performs a web search on " + engineName + " with the given query.");
    }

    private static ToolSchema tool(String name, String description, String... params) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        properties.put("reasoning", json.objectNode().put("type", "string").put("description", REASONING_PROMPT));
        required.add("reasoning");
        for (int i = 0; i < params.length; i += 3) {
            ObjectNode property = json.objectNode().put("type", params[i + 1]).put("description", params[i + 2]);
            properties.put(params[i], property);
            required.add(params[i]);
        }
        return new ToolSchema(name, description, new ParametersSchema("object", properties, required, null), null);
    }
}
